package io.tracegate.identity.domain;

import org.passay.DictionaryRule;
import org.passay.PasswordData;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Passwords that attackers try first (ASVS 6.2.4): the 44,150 entries of 12 to 1024 characters among the
 * million most common passwords of the breach corpus SecLists publishes ({@code identity/common-passwords.txt},
 * its source and licence beside it in {@code common-passwords.NOTICE.md}); shorter ones are refused by length
 * anyway. Compared ignoring case, with Passay's dictionary rule. Loaded once, on first use (≈3 MB).
 */
final class CommonPasswords {

    private static final String LIST = "/identity/common-passwords.txt";

    private CommonPasswords() {
    }

    private static final class Loaded {
        static final DictionaryRule RULE = new DictionaryRule(new WordListDictionary(
                new ArrayWordList(read(), false, new ArraysSort())));
    }

    static boolean contains(String password) {
        return !Loaded.RULE.validate(new PasswordData(password)).isValid();
    }

    private static String[] read() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isEmpty()).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
