package io.tracegate.requirement.infrastructure;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementId;
import io.tracegate.requirement.domain.RequirementKind;
import io.tracegate.requirement.domain.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ReqifFormatTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private final ReqifFormat format = new ReqifFormat();

    static List<RequirementDraft> read(ReqifFormat format, String path, String xml) {
        return format.read(path, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), SHA);
    }

    private static Map<String, RequirementDraft> byId(List<RequirementDraft> drafts) {
        return drafts.stream().collect(Collectors.toMap(d -> d.id().value(), Function.identity()));
    }

    private BaselineRejected rejected(String xml) {
        return catchThrowableOfType(() -> read(format, "specs/front.reqif", xml), BaselineRejected.class);
    }

    @Test
    void claimsReqifAndReqifzFilesWhateverTheirCaseWithPriorityTen() {
        assertThat(format.supports("specs/front.reqif")).isTrue();
        assertThat(format.supports("EXPORT.REQIFZ")).isTrue();
        assertThat(format.supports("front.reqif.xml")).isFalse();
        assertThat(format.supports("README.md")).isFalse();
        assertThat(format.priority()).isEqualTo(10);
    }

    @Test
    void readsADoorsExportWithEnumerationsXhtmlAndRelations() {
        Map<String, RequirementDraft> drafts = byId(read(format, "specs/front.reqif", ReqifDocuments.doorsExport()));

        assertThat(drafts).containsOnlyKeys("SG-01", "MLR-PERF-PED-NIGHT", "TSR-CAM-HEALTH");
        RequirementDraft goal = drafts.get("SG-01");
        assertThat(goal.title()).isEqualTo("Avoid collisions with pedestrians");
        assertThat(goal.asil()).isEqualTo(Asil.D);
        assertThat(goal.kind()).isEqualTo(RequirementKind.SAFETY_GOAL);
        assertThat(goal.parents()).isEmpty();

        RequirementDraft ped = drafts.get("MLR-PERF-PED-NIGHT");
        assertThat(ped.asil()).isEqualTo(Asil.B);
        assertThat(ped.kind()).isEqualTo(RequirementKind.ML_PERFORMANCE);
        assertThat(ped.parents()).containsExactly(new RequirementId("SG-01"));
        assertThat(ped.verification()).isEqualTo(new Verification("HIL", "ml-model"));
        assertThat(ped.criteria()).extracting(Object::toString).containsExactly(
                "recall[class=pedestrian, set=night-hil] >= 0.95", "latency.p99_ms[target=orin] <= 30 ms");
        assertThat(ped.text()).isEqualTo("""
                The detector shall find pedestrians at night.
                range up to 60 m
                street lighting < 5 lx
                Applies to HIL set v3.
                See SG-01.""");
        assertThat(ped.text()).doesNotContain("<xhtml", "<p>", "<b>", "</");
        assertThat(ped.sourcePath()).isEqualTo("specs/front.reqif#_obj-ped");
        assertThat(ped.sourceVersion()).isEqualTo(SHA);
    }

    @Test
    void takesTheTechnicalSafetyRequirementKindWhenNoneIsGiven() {
        RequirementDraft monitor = byId(read(format, "front.reqif", ReqifDocuments.doorsExport())).get("TSR-CAM-HEALTH");

        assertThat(monitor.kind()).isEqualTo(RequirementKind.TECHNICAL_SAFETY_REQUIREMENT);
        assertThat(monitor.parents()).containsExactly(new RequirementId("SG-01"));
        assertThat(monitor.criteria()).isEmpty();
        assertThat(monitor.verification()).isEqualTo(Verification.none());
    }

    @Test
    void readsAPolarionExportWithStringValuesOnXhtmlDefinitionsAndDuplicateHierarchyIdentifiers() {
        Map<String, RequirementDraft> drafts = byId(read(format, "polarion.reqif", polarionExport()));

        assertThat(drafts).containsOnlyKeys("FCD-12", "FCD-13");
        assertThat(drafts.get("FCD-12").text()).isEqualTo("Detect cyclists within 40 m.");
        assertThat(drafts.get("FCD-12").title()).isEqualTo("Cyclist detection");
        assertThat(drafts.get("FCD-13").title()).isEqualTo("Perception");
        assertThat(drafts.get("FCD-12").parents()).containsExactly(new RequirementId("FCD-13"));
        assertThat(drafts.get("FCD-12").asil()).isEqualTo(Asil.C);
    }

    @Test
    void readsTheReqif10NamespaceAndAttributesWhoseDefinitionsAreMissing() {
        String xml = ReqifDocuments.builder().namespace(ReqifDocuments.NS_2010).undefinedTypes()
                .object("_a", Map.of("ReqIF.ForeignID", "SG-02", "ReqIF.Name", "Keep lane", "ASIL", "ASIL-C",
                        "Kind", "safety-goal"))
                .object("_b", Map.of("ReqIF.ForeignID", "MLR-LANE", "ReqIF.Name", "Lane recall", "ASIL", "qm",
                        "Kind", "ml performance", "Acceptance Criteria", "recall[class=lane] >= 0.9\n\nmiou >= 0.7"))
                .relation("_b", "_a").build();

        Map<String, RequirementDraft> drafts = byId(read(format, "old.reqif", xml));

        assertThat(drafts.get("SG-02").asil()).isEqualTo(Asil.C);
        assertThat(drafts.get("MLR-LANE").asil()).isEqualTo(Asil.QM);
        assertThat(drafts.get("MLR-LANE").kind()).isEqualTo(RequirementKind.ML_PERFORMANCE);
        assertThat(drafts.get("MLR-LANE").parents()).containsExactly(new RequirementId("SG-02"));
        assertThat(drafts.get("MLR-LANE").criteria()).hasSize(2);
    }

    @Test
    void usesTheSpecObjectIdentifierWhenThereIsNoForeignId() {
        String xml = ReqifDocuments.builder().object("REQ-7", Map.of("ReqIF.ChapterName", "Timing", "ASIL", "A")).build();

        RequirementDraft draft = read(format, "x.reqif", xml).get(0);

        assertThat(draft.id()).isEqualTo(new RequirementId("REQ-7"));
        assertThat(draft.title()).isEqualTo("Timing");
    }

    @Test
    void mapsAttributesConfiguredInProperties() {
        Properties properties = new Properties();
        properties.setProperty("reqif.field.id", "Polarion ID");
        properties.setProperty("reqif.field.asil", "Safety Level");
        properties.setProperty("reqif.field.title", "Heading, Summary");
        properties.setProperty("other.key", "ignored");
        String xml = ReqifDocuments.builder()
                .object("_x", Map.of("Polarion ID", "PL-1", "Summary", "Fallback title", "Safety Level", "D")).build();

        RequirementDraft draft = read(new ReqifFormat(ReqifMapping.from(properties)), "x.reqif", xml).get(0);

        assertThat(draft.id().value()).isEqualTo("PL-1");
        assertThat(draft.title()).isEqualTo("Fallback title");
        assertThat(draft.asil()).isEqualTo(Asil.D);
        assertThat(ReqifMapping.from(new Properties())).isEqualTo(ReqifMapping.defaults());
    }

    @Test
    void refusesAMistypedMappingKey() {
        Properties properties = new Properties();
        properties.setProperty("reqif.field.asl", "ASIL");

        assertThatThrownBy(() -> ReqifMapping.from(properties)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("reqif.field.asil");
    }

    @Test
    void reportsEveryObjectWithoutAnAsilByItsIdentifier() {
        String xml = ReqifDocuments.builder()
                .object("_one", Map.of("ReqIF.ForeignID", "R-1", "ReqIF.Name", "One"))
                .object("_two", Map.of("ReqIF.ForeignID", "R-2", "ReqIF.Name", "Two", "ASIL", " "))
                .object("_three", Map.of("ReqIF.ForeignID", "R-3", "ReqIF.Name", "Three", "ASIL", "B")).build();

        BaselineRejected e = rejected(xml);

        assertThat(e.problems()).hasSize(2).allSatisfy(p -> assertThat(p.file()).isEqualTo("specs/front.reqif"));
        assertThat(e.problems()).extracting(ImportProblem::message).anySatisfy(m -> assertThat(m).contains("_one", "no ASIL"))
                .anySatisfy(m -> assertThat(m).contains("_two", "no ASIL"));
    }

    @Test
    void reportsABadCriterionBadAsilAndUnknownKindNamingTheObject() {
        String xml = ReqifDocuments.builder()
                .object("_c", Map.of("ReqIF.ForeignID", "R-1", "ReqIF.Name", "One", "ASIL", "B",
                        "Acceptance Criteria", "recall >= 0.9\nrecall is great"))
                .object("_a", Map.of("ReqIF.ForeignID", "R-2", "ReqIF.Name", "Two", "ASIL", "E"))
                .object("_k", Map.of("ReqIF.ForeignID", "R-3", "ReqIF.Name", "Three", "ASIL", "B", "Kind", "wish"))
                .build();

        List<String> messages = rejected(xml).problems().stream().map(ImportProblem::message).toList();

        assertThat(messages).hasSize(3);
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("_c", "recall is great"))
                .anySatisfy(m -> assertThat(m).contains("_a", "unknown ASIL 'E'"))
                .anySatisfy(m -> assertThat(m).contains("_k", "unknown kind 'wish'"));
    }

    @Test
    void reportsARelationToAnObjectThatIsNotInTheFile() {
        String xml = ReqifDocuments.builder().object("A-1", Map.of("ReqIF.Name", "A", "ASIL", "B"))
                .relation("A-1", "_ghost").build();

        assertThat(rejected(xml).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("A-1", "_ghost"));
    }

    @Test
    void reportsValuesLongerThan64KiB() {
        String xml = ReqifDocuments.builder().object("BIG-1", Map.of("ReqIF.Name", "Big", "ASIL", "B",
                "ReqIF.Text", "x".repeat(64 * 1024 + 1))).build();

        assertThat(rejected(xml).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("BIG-1", "ReqIF.Text", "65536"));
    }

    @Test
    void refusesMoreThanOneHundredThousandObjects() {
        StringBuilder xml = new StringBuilder("<REQ-IF xmlns=\"" + ReqifDocuments.NS_2011 + "\"><CORE-CONTENT>"
                + "<REQ-IF-CONTENT><SPEC-OBJECTS>");
        for (int i = 0; i <= 100_000; i++) {
            xml.append("<SPEC-OBJECT IDENTIFIER=\"o").append(i).append("\"/>");
        }
        xml.append("</SPEC-OBJECTS></REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>");

        assertThat(rejected(xml.toString()).problems()).extracting(ImportProblem::message)
                .anySatisfy(m -> assertThat(m).contains("more than 100000 SPEC-OBJECTs"));
    }

    @Test
    void refusesDocumentsThatAreNotReqif() {
        assertThat(rejected("<testsuites/>").getMessage()).contains("not a ReqIF document");
        assertThat(rejected("<REQ-IF><unclosed></REQ-IF>").getMessage()).contains("not readable as XML");
    }

    @Test
    void refusesADoctypeWithAFileEntityWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");
        String xml = ReqifDocuments.builder()
                .prologue("<!DOCTYPE REQ-IF [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n")
                .object("_a", Map.of("ReqIF.Name", "&xxe;", "ASIL", "B")).build().replace("&amp;xxe;", "&xxe;");

        BaselineRejected e = rejected(xml);

        assertThat(e.getMessage()).contains("specs/front.reqif", "DOCTYPE is not allowed").doesNotContain("TOP-SECRET");
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void refusesBillionLaughsFastWithoutExpandingThem() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE REQ-IF [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = ReqifDocuments.builder().prologue(dtd.append("]>\n").toString())
                .object("_a", Map.of("ReqIF.Name", "&lol9;", "ASIL", "B")).build().replace("&amp;lol9;", "&lol9;");

        BaselineRejected e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejected(xml));

        assertThat(e.getMessage()).contains("DOCTYPE is not allowed").doesNotContain("lollol");
    }

    @Test
    void neverConnectsToAnExternalEntityOrDtdOnLoopback() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort();
            String entity = ReqifDocuments.builder()
                    .prologue("<!DOCTYPE REQ-IF [<!ENTITY ext SYSTEM \"" + url + "/entity\">]>\n")
                    .object("_a", Map.of("ReqIF.Name", "&ext;", "ASIL", "B")).build().replace("&amp;ext;", "&ext;");
            String externalDtd = ReqifDocuments.builder()
                    .prologue("<!DOCTYPE REQ-IF SYSTEM \"" + url + "/reqif.dtd\">\n")
                    .object("_a", Map.of("ReqIF.Name", "A", "ASIL", "B")).build();
            String parameterEntity = ReqifDocuments.builder()
                    .prologue("<!DOCTYPE REQ-IF [<!ENTITY % p SYSTEM \"" + url + "/p\"> %p;]>\n")
                    .object("_a", Map.of("ReqIF.Name", "A", "ASIL", "B")).build();

            for (String xml : List.of(entity, externalDtd, parameterEntity)) {
                assertThat(rejected(xml).getMessage()).contains("DOCTYPE is not allowed");
            }

            // A connection attempt would wait in the backlog; accept finds none.
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    /** Like Polarion writes it: a string value on an XHTML definition, ASIL as plain text, repeated hierarchy ids. */
    private static String polarionExport() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                  <THE-HEADER><REQ-IF-HEADER IDENTIFIER="_polarion-hdr"><REQ-IF-TOOL-ID>Polarion ALM</REQ-IF-TOOL-ID>
                    <REQ-IF-VERSION>1.2</REQ-IF-VERSION><SOURCE-TOOL-ID>Polarion</SOURCE-TOOL-ID><TITLE>FCD</TITLE></REQ-IF-HEADER></THE-HEADER>
                  <CORE-CONTENT><REQ-IF-CONTENT>
                    <DATATYPES>
                      <DATATYPE-DEFINITION-STRING IDENTIFIER="DT_String" LONG-NAME="String" MAX-LENGTH="4000"/>
                      <DATATYPE-DEFINITION-XHTML IDENTIFIER="DT_Rich" LONG-NAME="Rich Text"/>
                    </DATATYPES>
                    <SPEC-TYPES>
                      <SPEC-OBJECT-TYPE IDENTIFIER="WI_requirement" LONG-NAME="Requirement"><SPEC-ATTRIBUTES>
                        <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="AD_id" LONG-NAME="ReqIF.ForeignID"><TYPE><DATATYPE-DEFINITION-STRING-REF>DT_String</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>
                        <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="AD_title" LONG-NAME="ReqIF.Name"><TYPE><DATATYPE-DEFINITION-STRING-REF>DT_String</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>
                        <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="AD_chapter" LONG-NAME="ReqIF.ChapterName"><TYPE><DATATYPE-DEFINITION-STRING-REF>DT_String</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>
                        <ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="AD_description" LONG-NAME="ReqIF.Text"><TYPE><DATATYPE-DEFINITION-XHTML-REF>DT_Rich</DATATYPE-DEFINITION-XHTML-REF></TYPE></ATTRIBUTE-DEFINITION-XHTML>
                        <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="AD_asil" LONG-NAME="ASIL"><TYPE><DATATYPE-DEFINITION-STRING-REF>DT_String</DATATYPE-DEFINITION-STRING-REF></TYPE></ATTRIBUTE-DEFINITION-STRING>
                      </SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE>
                    </SPEC-TYPES>
                    <SPEC-OBJECTS>
                      <SPEC-OBJECT IDENTIFIER="FCD-12_obj" LAST-CHANGE="2024-06-01T08:00:00.000Z"><TYPE><SPEC-OBJECT-TYPE-REF>WI_requirement</SPEC-OBJECT-TYPE-REF></TYPE><VALUES>
                        <ATTRIBUTE-VALUE-STRING THE-VALUE="FCD-12"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>AD_id</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                        <ATTRIBUTE-VALUE-STRING THE-VALUE="Cyclist detection"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>AD_title</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                        <ATTRIBUTE-VALUE-STRING THE-VALUE="Detect cyclists within 40 m."><DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>AD_description</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                        <ATTRIBUTE-VALUE-STRING THE-VALUE="ASIL C"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>AD_asil</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                      </VALUES></SPEC-OBJECT>
                      <SPEC-OBJECT IDENTIFIER="FCD-13_obj" LAST-CHANGE="2024-06-01T08:00:00.000Z"><TYPE><SPEC-OBJECT-TYPE-REF>WI_requirement</SPEC-OBJECT-TYPE-REF></TYPE><VALUES>
                        <ATTRIBUTE-VALUE-STRING THE-VALUE="FCD-13"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>AD_id</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                        <ATTRIBUTE-VALUE-STRING THE-VALUE="Perception"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>AD_chapter</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                        <ATTRIBUTE-VALUE-STRING THE-VALUE="B"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>AD_asil</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>
                      </VALUES></SPEC-OBJECT>
                    </SPEC-OBJECTS>
                    <SPEC-RELATIONS>
                      <SPEC-RELATION IDENTIFIER="FCD-12_FCD-13_parent"><TYPE><SPEC-RELATION-TYPE-REF>RT_parent</SPEC-RELATION-TYPE-REF></TYPE>
                        <SOURCE><SPEC-OBJECT-REF>FCD-12_obj</SPEC-OBJECT-REF></SOURCE><TARGET><SPEC-OBJECT-REF>FCD-13_obj</SPEC-OBJECT-REF></TARGET></SPEC-RELATION>
                    </SPEC-RELATIONS>
                    <SPECIFICATIONS><SPECIFICATION IDENTIFIER="doc_FCD"><CHILDREN>
                      <SPEC-HIERARCHY IDENTIFIER="h_FCD"><OBJECT><SPEC-OBJECT-REF>FCD-13_obj</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>
                      <SPEC-HIERARCHY IDENTIFIER="h_FCD"><OBJECT><SPEC-OBJECT-REF>FCD-12_obj</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>
                    </CHILDREN></SPECIFICATION></SPECIFICATIONS>
                  </REQ-IF-CONTENT></CORE-CONTENT>
                </REQ-IF>
                """;
    }
}
