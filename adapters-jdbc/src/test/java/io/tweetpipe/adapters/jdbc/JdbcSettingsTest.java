package io.tweetpipe.adapters.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSettingsTest {

    private static final String SECRET = "s3cr3t-Passw0rd";

    @Test
    void givenAUrlWithAPasswordParameter_of_refusesItMasked() {
        Rejection refused = JdbcSettings.of("jdbc:postgresql://db.example:5432/tweets?user=tp&password=" + SECRET
                + "&ssl=true").getLeft();

        assertEquals("jdbc-url", refused.subject());
        assertFalse(refused.reason().contains(SECRET), refused.reason());
        assertTrue(refused.reason().contains("password=****&ssl=true"), refused.reason());
        assertTrue(refused.reason().contains(JdbcSettings.PASSWORD_VARIABLE), refused.reason());
    }

    @Test
    void givenAUrlWithUserInfo_of_refusesItMasked() {
        Rejection refused = JdbcSettings.of("jdbc:postgresql://tp:" + SECRET + "@db.example/tweets").getLeft();

        assertFalse(refused.reason().contains(SECRET), refused.reason());
        assertTrue(refused.reason().contains("//tp:****@db.example"), refused.reason());
    }

    @Test
    void givenAnotherDatabase_of_saysWhichItTakes() {
        Rejection refused = JdbcSettings.of("jdbc:mysql://localhost/tweets").getLeft();

        assertTrue(refused.reason().contains("jdbc:sqlite:FILE") && refused.reason().contains("jdbc:postgresql:"),
                refused.reason());
    }

    @Test
    void givenUrls_of_choosesTheDialectAndAPool() {
        assertEquals(Dialect.POSTGRESQL, JdbcSettings.of("jdbc:postgresql://localhost/tweets").get().dialect());
        assertEquals(4, JdbcSettings.of("jdbc:postgresql://localhost/tweets").get().poolSize());
        assertEquals(Dialect.SQLITE, JdbcSettings.embedded("out.db").get().dialect());
        assertEquals(1, JdbcSettings.embedded("out.db").get().poolSize());
        assertTrue(JdbcSettings.embedded("out.db").get().withPoolSize(2).isLeft(), "SQLite has one writer");
    }

    @Test
    void givenAPropertiesFile_credentials_areFoundThereAndNeverInTheSettings(@TempDir Path directory)
            throws Exception {
        Path file = Files.writeString(directory.resolve("jdbc.properties"), "user=tp\npassword=" + SECRET + "\n");
        JdbcSettings settings = JdbcSettings.of("jdbc:postgresql://localhost/tweets").get()
                .withPropertiesFile(file.toString());

        Credentials credentials = Credentials.find(settings, Map.of()).get();

        assertEquals("tp", credentials.user().get());
        assertEquals(SECRET, credentials.password().get());
        assertFalse(credentials.toString().contains(SECRET), credentials.toString());
        assertFalse(serialized(new JdbcRecordStore(settings)).contains(SECRET), "nothing to checkpoint");
        assertFalse(settings.toString().contains(SECRET));
    }

    @Test
    void givenTheEnvironment_credentials_winOverTheFile(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("jdbc.properties"), "user=tp\npassword=from-file\n");
        JdbcSettings settings = JdbcSettings.of("jdbc:postgresql://localhost/tweets").get()
                .withPropertiesFile(file.toString());

        Credentials credentials = Credentials.find(settings, Map.of(JdbcSettings.USER_VARIABLE, "env-user",
                JdbcSettings.PASSWORD_VARIABLE, SECRET)).get();

        assertEquals("env-user", credentials.user().get());
        assertEquals(SECRET, credentials.password().get());
    }

    @Test
    void givenANamedFileThatIsNotThere_credentials_sayWhich(@TempDir Path directory) {
        JdbcSettings settings = JdbcSettings.of("jdbc:postgresql://localhost/tweets").get()
                .withPropertiesFile(directory.resolve("missing.properties").toString());

        Rejection refused = Credentials.find(settings, Map.of()).getLeft();

        assertTrue(refused.reason().contains("missing.properties"), refused.reason());
    }

    @Test
    void givenDriverMessagesWithSecrets_mask_hidesThem() {
        assertEquals("FATAL at jdbc:postgresql://h/db?password=**** for ****",
                Masking.mask("FATAL at jdbc:postgresql://h/db?password=" + SECRET + " for " + SECRET,
                        List.of(SECRET)));
    }

    private static String serialized(Object object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
