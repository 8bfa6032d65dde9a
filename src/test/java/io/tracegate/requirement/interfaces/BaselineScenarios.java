package io.tracegate.requirement.interfaces;

import io.tracegate.it.Api;
import io.tracegate.it.ApiScenarios;
import io.tracegate.it.Login;
import io.tracegate.it.Reply;
import io.tracegate.it.TestDatabase;
import io.tracegate.requirement.infrastructure.ReqifDocuments;
import io.tracegate.requirement.infrastructure.RequirementRepo;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing baselines from real Git repositories, reading and diffing them, linking releases to them. */
public interface BaselineScenarios extends ApiScenarios {

    private static Path gitRoot() {
        return Path.of(System.getProperty("tracegate.it.git-root", "target/it-git"));
    }

    private Reply importGit(Login login, Path repo, String ref) {
        return api().post(login, "api/baselines/git", """
                {"repository": "%s", "ref": "%s", "directory": "requirements"}""".formatted(repo, ref));
    }

    @Test
    default void aGitBaselineIsImportedFrozenAndDiffedAfterACommit() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(gitRoot().resolve(Api.unique("repo"))).small()) {
            String first = repo.commit("first");
            Reply created = importGit(Login.SAFETY_ENGINEER, repo.dir(), "main");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonObject baseline = created.json();
            assertThat(baseline.getInt("requirements")).isEqualTo(3);
            assertThat(baseline.getJsonObject("source").getString("revision")).isEqualTo(first);
            assertThat(baseline.getString("highestAsil")).isEqualTo("D");
            long firstId = baseline.getJsonNumber("id").longValue();

            JsonObject detail = api().get(Login.AUDITOR, "api/baselines/" + firstId).json();
            JsonObject ml = detail.getJsonArray("requirements").stream().map(v -> v.asJsonObject())
                    .filter(r -> r.getString("id").equals("MLR-PED-NIGHT")).findFirst().orElseThrow();
            assertThat(ml.getJsonArray("criteria").getJsonObject(0).getString("metric")).isEqualTo("recall");
            assertThat(ml.getJsonArray("parents").getString(0)).isEqualTo("FSR-01");

            repo.write("requirements/system/FSR-01.md", RequirementRepo.requirement("FSR-01", "D",
                    "functional-safety-requirement", "SG-01", ""));
            repo.write("requirements/system/FSR-02.md", RequirementRepo.requirement("FSR-02", "C",
                    "functional-safety-requirement", "SG-01", ""));
            repo.commit("second");
            Reply again = importGit(Login.SAFETY_MANAGER, repo.dir(), "main");
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
            long secondId = again.json().getJsonNumber("id").longValue();

            JsonObject diff = api().get(Login.AUDITOR, "api/baselines/" + firstId + "/diff/" + secondId).json();
            assertThat(diff.getJsonArray("added").getString(0)).isEqualTo("FSR-02");
            assertThat(diff.getJsonArray("changed").getJsonObject(0).getString("id")).isEqualTo("FSR-01");
            assertThat(diff.getJsonArray("changed").getJsonObject(0).getJsonArray("fields").getString(0)).isEqualTo("asil");
            assertThat(diff.getInt("unchanged")).isEqualTo(2);

            JsonObject stillFirst = api().get(Login.AUDITOR, "api/baselines/" + firstId + "/requirements/FSR-01").json();
            assertThat(stillFirst.getString("asil")).as("the first baseline is immutable").isEqualTo("C");
        }
    }

    /** Requirement id to stored row, for one baseline, straight from the database the server uses. */
    private static Map<String, Long> storedRows(long baselineId) throws java.sql.SQLException {
        Map<String, Long> rows = new java.util.TreeMap<>();
        try (java.sql.Connection db = TestDatabase.ofDeployment().getConnection();
             java.sql.PreparedStatement members = db.prepareStatement(
                     "SELECT req_id, requirement_pk FROM baseline_requirement WHERE baseline_id = ?")) {
            members.setLong(1, baselineId);
            try (java.sql.ResultSet row = members.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return rows;
    }

    private static long introducedBy(long baselineId) throws java.sql.SQLException {
        try (java.sql.Connection db = TestDatabase.ofDeployment().getConnection();
             java.sql.PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM requirement WHERE baseline_id = ?")) {
            count.setLong(1, baselineId);
            try (java.sql.ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    default void aReimportSharesTheRowsOfUnchangedRequirementsAndBothBaselinesStayRight() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(gitRoot().resolve(Api.unique("repo"))).small()) {
            repo.write("requirements/perception/MLR-PED-DAY.md", RequirementRepo.requirement("MLR-PED-DAY", "B",
                    "ml-performance", "FSR-01", "\"recall[class=pedestrian, set=day-hil] >= 0.97\""));
            repo.commit("first");
            long first = importGit(Login.SAFETY_ENGINEER, repo.dir(), "main").json().getJsonNumber("id").longValue();

            repo.write("requirements/perception/MLR-PED-NIGHT.md", RequirementRepo.requirement("MLR-PED-NIGHT", "B",
                    "ml-performance", "FSR-01", "\"recall[class=pedestrian, set=night-hil] >= 0.96\""));
            repo.write("requirements/system/FSR-02.md", RequirementRepo.requirement("FSR-02", "C",
                    "functional-safety-requirement", "SG-01", ""));
            repo.delete("requirements/perception/MLR-PED-DAY.md");
            repo.commit("second");
            Reply again = importGit(Login.SAFETY_ENGINEER, repo.dir(), "main");
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
            assertThat(again.json().getInt("requirements")).isEqualTo(4);
            assertThat(again.json().getString("highestAsil")).isEqualTo("D");
            long second = again.json().getJsonNumber("id").longValue();

            Map<String, Long> before = storedRows(first);
            Map<String, Long> after = storedRows(second);
            assertThat(before.keySet()).containsExactly("FSR-01", "MLR-PED-DAY", "MLR-PED-NIGHT", "SG-01");
            assertThat(after.keySet()).containsExactly("FSR-01", "FSR-02", "MLR-PED-NIGHT", "SG-01");
            assertThat(after.get("SG-01")).as("unchanged: the same row").isEqualTo(before.get("SG-01"));
            assertThat(after.get("FSR-01")).as("unchanged: the same row").isEqualTo(before.get("FSR-01"));
            assertThat(after.get("MLR-PED-NIGHT")).as("changed: a new row").isNotEqualTo(before.get("MLR-PED-NIGHT"));
            assertThat(introducedBy(second)).as("rows written by the re-import").isEqualTo(2);

            JsonObject diff = api().get(Login.AUDITOR, "api/baselines/" + first + "/diff/" + second).json();
            assertThat(diff.getJsonArray("added").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("FSR-02");
            assertThat(diff.getJsonArray("removed").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("MLR-PED-DAY");
            assertThat(diff.getJsonArray("changed")).singleElement().satisfies(change -> {
                assertThat(change.asJsonObject().getString("id")).isEqualTo("MLR-PED-NIGHT");
                assertThat(change.asJsonObject().getJsonArray("fields").getString(0)).isEqualTo("criteria");
            });
            assertThat(diff.getInt("unchanged")).isEqualTo(2);

            for (long baseline : new long[] {first, second}) {
                JsonObject shared = api().get(Login.AUDITOR, "api/baselines/" + baseline + "/requirements/FSR-01").json();
                assertThat(shared.getString("asil")).isEqualTo("C");
                assertThat(shared.getJsonArray("parents").getString(0)).isEqualTo("SG-01");
                assertThat(shared.getString("sourcePath")).isEqualTo("requirements/system/FSR-01.md");
            }
            assertThat(api().get(Login.AUDITOR, "api/baselines/" + first + "/requirements/MLR-PED-NIGHT").json()
                    .getJsonArray("criteria").getJsonObject(0).getString("expression"))
                    .isEqualTo("recall[class=pedestrian, set=night-hil] >= 0.95");
            assertThat(api().get(Login.AUDITOR, "api/baselines/" + second + "/requirements/MLR-PED-NIGHT").json()
                    .getJsonArray("criteria").getJsonObject(0).getString("expression"))
                    .isEqualTo("recall[class=pedestrian, set=night-hil] >= 0.96");
            assertThat(api().get(Login.AUDITOR, "api/baselines/" + second + "/requirements/MLR-PED-DAY").status()).isEqualTo(404);
            assertThat(api().get(Login.AUDITOR, "api/baselines/" + first + "/requirements/FSR-02").status()).isEqualTo(404);
            assertThat(api().get(Login.AUDITOR, "api/baselines/987654321/requirements/FSR-02").status()).isEqualTo(404);

            JsonObject detail = api().get(Login.AUDITOR, "api/baselines/" + second).json();
            assertThat(detail.getJsonArray("requirements").stream().map(r -> r.asJsonObject().getString("id")).toList())
                    .as("every member, shared or new, in id order").containsExactly("FSR-01", "FSR-02", "MLR-PED-NIGHT", "SG-01");
            assertThat(detail.getJsonObject("baseline").getInt("requirements")).isEqualTo(4);

            Reply unchanged = importGit(Login.SAFETY_ENGINEER, repo.dir(), "main");
            assertThat(unchanged.status()).as("the same commit again: a baseline of shared rows only").isEqualTo(201);
            long third = unchanged.json().getJsonNumber("id").longValue();
            assertThat(storedRows(third)).isEqualTo(after);
            assertThat(introducedBy(third)).isZero();
            assertThat(api().get(Login.AUDITOR, "api/baselines/" + second + "/diff/" + third).json().getInt("unchanged"))
                    .isEqualTo(4);
        }
    }

    @Test
    default void aBrokenRepositoryIsRefusedNamingTheFileAndNothingIsStored() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(gitRoot().resolve(Api.unique("repo"))).small()) {
            repo.write("requirements/perception/MLR-X.md", RequirementRepo.requirement("MLR-X", "B", "ml-performance",
                    "NOT-THERE", "\"recall >= 0.9\""));
            repo.commit("broken");
            long before = api().get(Login.AUDITOR, "api/baselines").json().getInt("total");
            Reply refused = importGit(Login.SAFETY_ENGINEER, repo.dir(), "main");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().getString("detail")).contains("requirements/perception/MLR-X.md", "NOT-THERE");
            assertThat(api().get(Login.AUDITOR, "api/baselines").json().getInt("total")).isEqualTo(before);
        }
    }

    @Test
    default void repositoriesOutsideTheAllowedRootsAndUnknownRefsAreRefused() throws Exception {
        Reply outside = api().post(Login.SAFETY_ENGINEER, "api/baselines/git", "{\"repository\": \"/etc\"}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().getString("field")).isEqualTo("repository");
        Reply relative = api().post(Login.SAFETY_ENGINEER, "api/baselines/git", "{\"repository\": \"../x\"}");
        assertThat(relative.status()).isEqualTo(400);
        Reply internal = api().post(Login.SAFETY_ENGINEER, "api/baselines/git",
                "{\"repository\": \"http://169.254.169.254/latest/meta-data.git\"}");
        assertThat(internal.status()).as("no fetching from hosts nobody allowed").isEqualTo(400);
        assertThat(internal.json().getString("detail")).contains("tracegate.git.remote-hosts");
        try (RequirementRepo repo = RequirementRepo.init(gitRoot().resolve(Api.unique("repo"))).small()) {
            repo.commit("first");
            Reply noRef = importGit(Login.SAFETY_ENGINEER, repo.dir(), "release/9.9");
            assertThat(noRef.status()).isEqualTo(400);
            assertThat(noRef.json().getString("detail")).contains("release/9.9");
        }
    }

    @Test
    default void aReqifExportAndItsZippedFormBecomeBaselinesWithTheFileHash() throws Exception {
        byte[] reqif = ReqifDocuments.doorsExport().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Reply plain = api().send(Login.SAFETY_ENGINEER, "POST", "api/baselines/reqif?fileName=front.reqif&name=DOORS%20export",
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(reqif), Map.of("Content-Type", "application/xml"));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(plain.json().getInt("requirements")).isEqualTo(3);
        assertThat(plain.json().getString("name")).isEqualTo("DOORS export");
        assertThat(plain.json().getJsonObject("source").getString("kind")).isEqualTo("REQIF");
        assertThat(plain.json().getJsonObject("source").getString("revision"))
                .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(reqif)));

        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("front.reqif"));
            zip.write(reqif);
            zip.closeEntry();
        }
        Reply fromZip = api().upload(Login.SAFETY_MANAGER, "api/baselines/reqif?fileName=front.reqifz", zipped.toByteArray());
        assertThat(fromZip.status()).as(fromZip.toString()).isEqualTo(201);
        long id = fromZip.json().getJsonNumber("id").longValue();
        JsonObject requirement = api().get(Login.AUDITOR, "api/baselines/" + id + "/requirements/MLR-PERF-PED-NIGHT").json();
        assertThat(requirement.getJsonArray("parents").getString(0)).isEqualTo("SG-01");
        assertThat(requirement.getJsonArray("criteria")).isNotEmpty();
    }

    /** Issue 15 item 7: both gave 500 (a column overflow at commit, a StackOverflowError in SnakeYAML). */
    @Test
    default void aRequirementAtAPathLongerThanItsColumnOrWithDeeplyNestedYamlIsRefusedWith400() throws Exception {
        long before = api().get(Login.AUDITOR, "api/baselines").json().getInt("total");
        try (RequirementRepo repo = RequirementRepo.init(gitRoot().resolve(Api.unique("repo"))).small()) {
            String deep = "requirements/" + ("d".repeat(250) + "/").repeat(15) + "DEEP-01.md";
            repo.write(deep, RequirementRepo.requirement("DEEP-01", "B", "ml-performance", "SG-01", ""));
            repo.commit("a long path");
            Reply longPath = importGit(Login.SAFETY_ENGINEER, repo.dir(), "main");
            assertThat(longPath.status()).as(longPath.toString()).isEqualTo(400);
            assertThat(longPath.json().getString("detail")).contains("DEEP-01.md", "characters long; at most 1000");

            repo.delete(deep);
            repo.write("requirements/NEST-01.md", "---\nid: NEST-01\nparents: " + "[".repeat(5000) + "]".repeat(5000)
                    + "\n---\n");
            repo.commit("deep YAML");
            Reply nested = importGit(Login.SAFETY_ENGINEER, repo.dir(), "main");
            assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
            assertThat(nested.header("Content-Type")).startsWith("application/problem+json");
            assertThat(nested.json().getString("detail")).contains("NEST-01.md:3", "nested deeper than 64 levels");

            Reply longName = api().post(Login.SAFETY_ENGINEER, "api/baselines/git", """
                    {"repository": "%s", "directory": "%s"}""".formatted(repo.dir(), "x".repeat(4000)));
            assertThat(longName.status()).as(longName.toString()).isEqualTo(400);
            assertThat(longName.json().getString("field")).isEqualTo("directory");
        }
        assertThat(api().get(Login.AUDITOR, "api/baselines").json().getInt("total")).isEqualTo(before);
    }

    /** Issue 15 item 6: this file ran the server out of memory (500); the file is generated while it is sent. */
    @Test
    default void aQuarterGibibyteAttributeValueIsRefusedWith400NamingItsElement() {
        long before = api().get(Login.AUDITOR, "api/baselines").json().getInt("total");
        Reply refused = api().send(Login.SAFETY_ENGINEER, "POST", "api/baselines/reqif?fileName=huge.reqif",
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> ReqifDocuments.hugeValue(
                        "      <ATTRIBUTE-VALUE-STRING THE-VALUE=\"", 250L << 20, "\"/>\n")),
                Map.of("Content-Type", "application/xml"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().getString("detail")).contains("huge.reqif:5", "<ATTRIBUTE-VALUE-STRING>",
                "line 5, column 7", "longer than 1048576 characters");
        assertThat(api().get(Login.AUDITOR, "api/baselines").json().getInt("total")).isEqualTo(before);
        assertThat(api().get(Login.NOBODY, "health/ready").status()).as("the server stays up").isEqualTo(200);
    }

    @Test
    default void hostileReqifIsRefusedAndNothingIsStored() throws Exception {
        long before = api().get(Login.AUDITOR, "api/baselines").json().getInt("total");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><REQ-IF>&x;</REQ-IF>";
        Reply refused = api().upload(Login.SAFETY_ENGINEER, "api/baselines/reqif?fileName=evil.reqif",
                xxe.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("root:");
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("../../escape.reqif"));
            zip.write(ReqifDocuments.doorsExport().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Reply slip = api().upload(Login.SAFETY_ENGINEER, "api/baselines/reqif?fileName=slip.reqifz", zipped.toByteArray());
        assertThat(slip.status()).isEqualTo(400);
        assertThat(slip.json().getString("detail")).contains("escape.reqif");
        Reply notReqif = api().upload(Login.SAFETY_ENGINEER, "api/baselines/reqif?fileName=spec.docx", new byte[] {1});
        assertThat(notReqif.json().getString("field")).isEqualTo("fileName");
        assertThat(api().get(Login.AUDITOR, "api/baselines").json().getInt("total")).isEqualTo(before);
    }

    @Test
    default void onlySafetyRolesImportAndEveryRoleReads() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(gitRoot().resolve(Api.unique("repo"))).small()) {
            repo.commit("first");
            for (Login login : new Login[] {Login.ML_ENGINEER, Login.APPROVER, Login.AUDITOR, Login.CI}) {
                assertThat(importGit(login, repo.dir(), "main").status()).as(login.name()).isEqualTo(403);
            }
            assertThat(importGit(Login.NOBODY, repo.dir(), "main").status()).isEqualTo(401);
            assertThat(api().get(Login.APPROVER, "api/baselines").status()).isEqualTo(200);
            assertThat(api().get(Login.NOBODY, "api/baselines").status()).isEqualTo(401);
        }
    }

    @Test
    default void aDraftReleaseIsLinkedToABaselineAndMayMoveToANewerOne() throws Exception {
        try (RequirementRepo repo = RequirementRepo.init(gitRoot().resolve(Api.unique("repo"))).small()) {
            repo.commit("first");
            long first = importGit(Login.SAFETY_ENGINEER, repo.dir(), "main").json().getJsonNumber("id").longValue();
            String model = Api.unique("baseline-model");
            api().post(Login.ML_ENGINEER, "api/models", "{\"name\": \"" + model + "\"}");
            long release = api().post(Login.ML_ENGINEER, "api/models/" + model + "/releases", "{\"version\": \"1.0.0\"}")
                    .json().getJsonNumber("id").longValue();

            Reply linked = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/baseline",
                    "{\"baselineId\": " + first + "}", Map.of());
            assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
            assertThat(api().get(Login.AUDITOR, "api/releases/" + release).json().getJsonNumber("baselineId").longValue())
                    .isEqualTo(first);

            Reply unknown = api().put(Login.ML_ENGINEER, "api/releases/" + release + "/baseline",
                    "{\"baselineId\": 987654321}", Map.of());
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().getString("field")).isEqualTo("baselineId");
            assertThat(api().put(Login.AUDITOR, "api/releases/" + release + "/baseline",
                    "{\"baselineId\": " + first + "}", Map.of()).status()).isEqualTo(403);
        }
    }
}
