package io.tracegate.requirement.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ReqIF documents for tests: realistic exports as text blocks, and a builder for small synthetic ones. */
public final class ReqifDocuments {

    static final String NS_2011 = "http://www.omg.org/spec/ReqIF/20110401/reqif.xsd";
    static final String NS_2010 = "http://www.omg.org/spec/ReqIF/20101201/reqif.xsd";

    private ReqifDocuments() {
    }

    private static final String HUGE_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xmlns:xhtml="http://www.w3.org/1999/xhtml">
              <CORE-CONTENT><REQ-IF-CONTENT><SPEC-OBJECTS>
                <SPEC-OBJECT IDENTIFIER="R-1"><VALUES>
            """;
    private static final String HUGE_TAIL = """
                </VALUES></SPEC-OBJECT>
              </SPEC-OBJECTS></REQ-IF-CONTENT></CORE-CONTENT>
            </REQ-IF>
            """;

    /**
     * A hostile export made while it is read, never held: one SPEC-OBJECT (from line 4) whose values are
     * {@code open + size × 'x' + close}, starting on line 5.
     */
    public static java.io.InputStream hugeValue(String open, long size, String close) {
        java.io.InputStream filler = new java.io.InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        return new java.io.SequenceInputStream(new java.io.SequenceInputStream(utf8(HUGE_HEAD + open), filler),
                utf8(close + HUGE_TAIL));
    }

    private static java.io.InputStream utf8(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Like DOORS 9 writes it: enumerations for ASIL and kind, XHTML text and criteria, a relation, a hierarchy. */
    public static String doorsExport() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                  <THE-HEADER>
                    <REQ-IF-HEADER IDENTIFIER="_hdr-1">
                      <CREATION-TIME>2024-05-02T10:00:00+02:00</CREATION-TIME>
                      <REQ-IF-TOOL-ID>IBM Rational DOORS</REQ-IF-TOOL-ID>
                      <REQ-IF-VERSION>1.0</REQ-IF-VERSION>
                      <SOURCE-TOOL-ID>DOORS 9.7</SOURCE-TOOL-ID>
                      <TITLE>Front camera object detector</TITLE>
                    </REQ-IF-HEADER>
                  </THE-HEADER>
                  <CORE-CONTENT>
                    <REQ-IF-CONTENT>
                      <DATATYPES>
                        <DATATYPE-DEFINITION-STRING IDENTIFIER="_dt-str" LONG-NAME="String" MAX-LENGTH="1000" LAST-CHANGE="2024-05-02T10:00:00+02:00"/>
                        <DATATYPE-DEFINITION-XHTML IDENTIFIER="_dt-xhtml" LONG-NAME="Formatted" LAST-CHANGE="2024-05-02T10:00:00+02:00"/>
                        <DATATYPE-DEFINITION-ENUMERATION IDENTIFIER="_dt-asil" LONG-NAME="ASIL values" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                          <SPECIFIED-VALUES>
                            <ENUM-VALUE IDENTIFIER="_ev-b" LONG-NAME="ASIL B" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <PROPERTIES><EMBEDDED-VALUE KEY="2" OTHER-CONTENT=""/></PROPERTIES>
                            </ENUM-VALUE>
                            <ENUM-VALUE IDENTIFIER="_ev-d" LONG-NAME="ASIL D" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <PROPERTIES><EMBEDDED-VALUE KEY="4" OTHER-CONTENT=""/></PROPERTIES>
                            </ENUM-VALUE>
                          </SPECIFIED-VALUES>
                        </DATATYPE-DEFINITION-ENUMERATION>
                        <DATATYPE-DEFINITION-ENUMERATION IDENTIFIER="_dt-kind" LONG-NAME="Kinds" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                          <SPECIFIED-VALUES>
                            <ENUM-VALUE IDENTIFIER="_ev-sg" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <PROPERTIES><EMBEDDED-VALUE KEY="0" OTHER-CONTENT="safety-goal"/></PROPERTIES>
                            </ENUM-VALUE>
                            <ENUM-VALUE IDENTIFIER="_ev-perf" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <PROPERTIES><EMBEDDED-VALUE KEY="1" OTHER-CONTENT="ml-performance"/></PROPERTIES>
                            </ENUM-VALUE>
                          </SPECIFIED-VALUES>
                        </DATATYPE-DEFINITION-ENUMERATION>
                      </DATATYPES>
                      <SPEC-TYPES>
                        <SPEC-OBJECT-TYPE IDENTIFIER="_sot-req" LONG-NAME="Requirement" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                          <SPEC-ATTRIBUTES>
                            <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="_ad-fid" LONG-NAME="ReqIF.ForeignID" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <TYPE><DATATYPE-DEFINITION-STRING-REF>_dt-str</DATATYPE-DEFINITION-STRING-REF></TYPE>
                            </ATTRIBUTE-DEFINITION-STRING>
                            <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="_ad-name" LONG-NAME="ReqIF.Name" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <TYPE><DATATYPE-DEFINITION-STRING-REF>_dt-str</DATATYPE-DEFINITION-STRING-REF></TYPE>
                            </ATTRIBUTE-DEFINITION-STRING>
                            <ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="_ad-text" LONG-NAME="ReqIF.Text" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <TYPE><DATATYPE-DEFINITION-XHTML-REF>_dt-xhtml</DATATYPE-DEFINITION-XHTML-REF></TYPE>
                            </ATTRIBUTE-DEFINITION-XHTML>
                            <ATTRIBUTE-DEFINITION-ENUMERATION IDENTIFIER="_ad-asil" LONG-NAME="ASIL" MULTI-VALUED="false" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <TYPE><DATATYPE-DEFINITION-ENUMERATION-REF>_dt-asil</DATATYPE-DEFINITION-ENUMERATION-REF></TYPE>
                            </ATTRIBUTE-DEFINITION-ENUMERATION>
                            <ATTRIBUTE-DEFINITION-ENUMERATION IDENTIFIER="_ad-kind" LONG-NAME="Kind" MULTI-VALUED="false" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <TYPE><DATATYPE-DEFINITION-ENUMERATION-REF>_dt-kind</DATATYPE-DEFINITION-ENUMERATION-REF></TYPE>
                            </ATTRIBUTE-DEFINITION-ENUMERATION>
                            <ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="_ad-crit" LONG-NAME="Acceptance Criteria" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <TYPE><DATATYPE-DEFINITION-XHTML-REF>_dt-xhtml</DATATYPE-DEFINITION-XHTML-REF></TYPE>
                            </ATTRIBUTE-DEFINITION-XHTML>
                            <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="_ad-vm" LONG-NAME="Verification Method" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <TYPE><DATATYPE-DEFINITION-STRING-REF>_dt-str</DATATYPE-DEFINITION-STRING-REF></TYPE>
                            </ATTRIBUTE-DEFINITION-STRING>
                            <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="_ad-vl" LONG-NAME="Verification Level" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <TYPE><DATATYPE-DEFINITION-STRING-REF>_dt-str</DATATYPE-DEFINITION-STRING-REF></TYPE>
                            </ATTRIBUTE-DEFINITION-STRING>
                          </SPEC-ATTRIBUTES>
                        </SPEC-OBJECT-TYPE>
                        <SPEC-RELATION-TYPE IDENTIFIER="_srt-refines" LONG-NAME="refines" LAST-CHANGE="2024-05-02T10:00:00+02:00"/>
                        <SPECIFICATION-TYPE IDENTIFIER="_spt-module" LONG-NAME="Module" LAST-CHANGE="2024-05-02T10:00:00+02:00"/>
                      </SPEC-TYPES>
                      <SPEC-OBJECTS>
                        <SPEC-OBJECT IDENTIFIER="_obj-sg01" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                          <TYPE><SPEC-OBJECT-TYPE-REF>_sot-req</SPEC-OBJECT-TYPE-REF></TYPE>
                          <VALUES>
                            <ATTRIBUTE-VALUE-STRING THE-VALUE="SG-01"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>_ad-fid</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                            <ATTRIBUTE-VALUE-STRING THE-VALUE="Avoid collisions with pedestrians"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>_ad-name</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                            <ATTRIBUTE-VALUE-ENUMERATION>
                              <DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>_ad-asil</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION>
                              <VALUES><ENUM-VALUE-REF>_ev-d</ENUM-VALUE-REF></VALUES>
                            </ATTRIBUTE-VALUE-ENUMERATION>
                            <ATTRIBUTE-VALUE-ENUMERATION>
                              <DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>_ad-kind</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION>
                              <VALUES><ENUM-VALUE-REF>_ev-sg</ENUM-VALUE-REF></VALUES>
                            </ATTRIBUTE-VALUE-ENUMERATION>
                          </VALUES>
                        </SPEC-OBJECT>
                        <SPEC-OBJECT IDENTIFIER="_obj-ped" LAST-CHANGE="2024-05-03T09:30:00+02:00">
                          <TYPE><SPEC-OBJECT-TYPE-REF>_sot-req</SPEC-OBJECT-TYPE-REF></TYPE>
                          <VALUES>
                            <ATTRIBUTE-VALUE-STRING THE-VALUE="MLR-PERF-PED-NIGHT"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>_ad-fid</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                            <ATTRIBUTE-VALUE-STRING THE-VALUE="Pedestrian recall at night"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>_ad-name</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                            <ATTRIBUTE-VALUE-XHTML>
                              <DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>_ad-text</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION>
                              <THE-VALUE>
                                <xhtml:div>
                                  <xhtml:p>The detector shall find <xhtml:b>pedestrians</xhtml:b> at night.</xhtml:p>
                                  <xhtml:ul>
                                    <xhtml:li>range up to 60 m</xhtml:li>
                                    <xhtml:li>street lighting &lt; 5 lx</xhtml:li>
                                  </xhtml:ul>
                                  <xhtml:p>Applies to HIL set v3.<xhtml:br/>See SG-01.</xhtml:p>
                                </xhtml:div>
                              </THE-VALUE>
                            </ATTRIBUTE-VALUE-XHTML>
                            <ATTRIBUTE-VALUE-ENUMERATION>
                              <DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>_ad-asil</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION>
                              <VALUES><ENUM-VALUE-REF>_ev-b</ENUM-VALUE-REF></VALUES>
                            </ATTRIBUTE-VALUE-ENUMERATION>
                            <ATTRIBUTE-VALUE-ENUMERATION>
                              <DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>_ad-kind</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION>
                              <VALUES><ENUM-VALUE-REF>_ev-perf</ENUM-VALUE-REF></VALUES>
                            </ATTRIBUTE-VALUE-ENUMERATION>
                            <ATTRIBUTE-VALUE-XHTML>
                              <DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>_ad-crit</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION>
                              <THE-VALUE><xhtml:div><xhtml:p>recall[class=pedestrian, set=night-hil] &gt;= 0.95</xhtml:p><xhtml:p>latency.p99_ms[target=orin] &lt;= 30 ms</xhtml:p></xhtml:div></THE-VALUE>
                            </ATTRIBUTE-VALUE-XHTML>
                            <ATTRIBUTE-VALUE-STRING THE-VALUE="HIL"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>_ad-vm</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                            <ATTRIBUTE-VALUE-STRING THE-VALUE="ml-model"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>_ad-vl</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                          </VALUES>
                        </SPEC-OBJECT>
                        <SPEC-OBJECT IDENTIFIER="_obj-mon" LAST-CHANGE="2024-05-03T09:30:00+02:00">
                          <TYPE><SPEC-OBJECT-TYPE-REF>_sot-req</SPEC-OBJECT-TYPE-REF></TYPE>
                          <VALUES>
                            <ATTRIBUTE-VALUE-STRING THE-VALUE="TSR-CAM-HEALTH"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>_ad-fid</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                            <ATTRIBUTE-VALUE-STRING THE-VALUE="Camera health monitor"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>_ad-name</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                            <ATTRIBUTE-VALUE-ENUMERATION>
                              <DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>_ad-asil</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION>
                              <VALUES><ENUM-VALUE-REF>_ev-b</ENUM-VALUE-REF></VALUES>
                            </ATTRIBUTE-VALUE-ENUMERATION>
                          </VALUES>
                        </SPEC-OBJECT>
                      </SPEC-OBJECTS>
                      <SPEC-RELATIONS>
                        <SPEC-RELATION IDENTIFIER="_rel-1" LAST-CHANGE="2024-05-03T09:30:00+02:00">
                          <TYPE><SPEC-RELATION-TYPE-REF>_srt-refines</SPEC-RELATION-TYPE-REF></TYPE>
                          <SOURCE><SPEC-OBJECT-REF>_obj-ped</SPEC-OBJECT-REF></SOURCE>
                          <TARGET><SPEC-OBJECT-REF>_obj-sg01</SPEC-OBJECT-REF></TARGET>
                        </SPEC-RELATION>
                        <SPEC-RELATION IDENTIFIER="_rel-2" LAST-CHANGE="2024-05-03T09:30:00+02:00">
                          <TYPE><SPEC-RELATION-TYPE-REF>_srt-refines</SPEC-RELATION-TYPE-REF></TYPE>
                          <SOURCE><SPEC-OBJECT-REF>_obj-mon</SPEC-OBJECT-REF></SOURCE>
                          <TARGET><SPEC-OBJECT-REF>_obj-sg01</SPEC-OBJECT-REF></TARGET>
                        </SPEC-RELATION>
                      </SPEC-RELATIONS>
                      <SPECIFICATIONS>
                        <SPECIFICATION IDENTIFIER="_spec-1" LONG-NAME="ML safety requirements" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                          <VALUES>
                            <ATTRIBUTE-VALUE-STRING THE-VALUE="Module title"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>_ad-name</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                          </VALUES>
                          <TYPE><SPECIFICATION-TYPE-REF>_spt-module</SPECIFICATION-TYPE-REF></TYPE>
                          <CHILDREN>
                            <SPEC-HIERARCHY IDENTIFIER="_h-1" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                              <OBJECT><SPEC-OBJECT-REF>_obj-sg01</SPEC-OBJECT-REF></OBJECT>
                              <CHILDREN>
                                <SPEC-HIERARCHY IDENTIFIER="_h-2" LAST-CHANGE="2024-05-02T10:00:00+02:00">
                                  <OBJECT><SPEC-OBJECT-REF>_obj-ped</SPEC-OBJECT-REF></OBJECT>
                                </SPEC-HIERARCHY>
                              </CHILDREN>
                            </SPEC-HIERARCHY>
                          </CHILDREN>
                        </SPECIFICATION>
                      </SPECIFICATIONS>
                    </REQ-IF-CONTENT>
                  </CORE-CONTENT>
                  <TOOL-EXTENSIONS>
                    <REQ-IF-TOOL-EXTENSION>
                      <SPEC-OBJECT IDENTIFIER="_not-a-requirement"/>
                    </REQ-IF-TOOL-EXTENSION>
                  </TOOL-EXTENSIONS>
                </REQ-IF>
                """;
    }

    /**
     * A small document: each object is a map from attribute definition LONG-NAME to its value. With
     * {@code defineTypes} false the definitions are referenced but never defined, as some DOORS exports do.
     */
    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private String namespace = NS_2011;
        private boolean defineTypes = true;
        private final Map<String, Map<String, String>> objects = new LinkedHashMap<>();
        private final List<String[]> relations = new ArrayList<>();
        private String prologue = "";

        Builder namespace(String value) {
            namespace = value;
            return this;
        }

        Builder undefinedTypes() {
            defineTypes = false;
            return this;
        }

        /** Inserted between the XML declaration and the root element, e.g. a DOCTYPE. */
        Builder prologue(String value) {
            prologue = value;
            return this;
        }

        Builder object(String identifier, Map<String, String> values) {
            objects.put(identifier, values);
            return this;
        }

        Builder relation(String source, String target) {
            relations.add(new String[] {source, target});
            return this;
        }

        String build() {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(prologue)
                    .append("<REQ-IF xmlns=\"").append(namespace).append("\">\n<CORE-CONTENT><REQ-IF-CONTENT>\n");
            List<String> names = objects.values().stream().flatMap(v -> v.keySet().stream()).distinct().toList();
            if (defineTypes) {
                xml.append("<DATATYPES><DATATYPE-DEFINITION-STRING IDENTIFIER=\"_s\" MAX-LENGTH=\"65536\"/></DATATYPES>\n")
                        .append("<SPEC-TYPES><SPEC-OBJECT-TYPE IDENTIFIER=\"_t\"><SPEC-ATTRIBUTES>\n");
                for (int i = 0; i < names.size(); i++) {
                    xml.append("<ATTRIBUTE-DEFINITION-STRING IDENTIFIER=\"_ad").append(i).append("\" LONG-NAME=\"")
                            .append(escape(names.get(i))).append("\"><TYPE><DATATYPE-DEFINITION-STRING-REF>_s"
                                    + "</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>\n");
                }
                xml.append("</SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE></SPEC-TYPES>\n");
            }
            xml.append("<SPEC-OBJECTS>\n");
            objects.forEach((identifier, values) -> {
                xml.append("<SPEC-OBJECT IDENTIFIER=\"").append(identifier).append("\"><VALUES>\n");
                values.forEach((name, value) -> xml.append("<ATTRIBUTE-VALUE-STRING THE-VALUE=\"").append(escape(value))
                        .append("\"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>")
                        .append(defineTypes ? "_ad" + names.indexOf(name) : escape(name))
                        .append("</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>\n"));
                xml.append("</VALUES></SPEC-OBJECT>\n");
            });
            xml.append("</SPEC-OBJECTS>\n<SPEC-RELATIONS>\n");
            for (String[] relation : relations) {
                xml.append("<SPEC-RELATION IDENTIFIER=\"_r-").append(relation[0]).append("\"><SOURCE><SPEC-OBJECT-REF>")
                        .append(relation[0]).append("</SPEC-OBJECT-REF></SOURCE><TARGET><SPEC-OBJECT-REF>")
                        .append(relation[1]).append("</SPEC-OBJECT-REF></TARGET></SPEC-RELATION>\n");
            }
            return xml.append("</SPEC-RELATIONS>\n</REQ-IF-CONTENT></CORE-CONTENT>\n</REQ-IF>\n").toString();
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace("\n", "&#10;");
        }
    }
}
