package com.example.datamigrate.pii.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which column names look like personal data. Names are compared in snake case ({@code ContactName},
 * {@code contact name} and {@code CONTACT_NAME} are all {@code contact_name}), and the built-in patterns match whole
 * words of it, so that {@code CompanyName} or {@code ProductName} are not a person's name.
 */
final class PiiRules {

    /** A category of personal data and the pattern a snake-case name is searched with. */
    record Rule(String category, Pattern pattern) {
    }

    static final List<Rule> BUILT_IN = List.of(
            word("email", "e_?mail|email_address|e_mail_address"),
            word("phone", "phone|telephone|tel|mobile|cell|cellphone|fax|phone_number"),
            word("birth_date", "birth_?date|date_of_birth|dob|birthday|born_on"),
            word("address", "address|address_line_?[0-9]*|addr|street|postal_code|post_code|postcode|zip|zip_code"
                    + "|zipcode"),
            word("national_id", "ssn|social_security_number|national_id|passport_number|tax_id|driver_licen[cs]e"),
            word("name", "(first|last|middle|given|family|contact|full|maiden|nick)_?name|surname|forename"));

    private PiiRules() {
    }

    private static Rule word(String category, String alternatives) {
        return new Rule(category, Pattern.compile("(^|_)(" + alternatives + ")(_|$)"));
    }

    /** The category of the first rule that matches the column's name or, failing that, its alias type's name. */
    static Optional<String> category(List<Rule> rules, String columnName, Optional<String> aliasTypeName) {
        for (String candidate : aliasTypeName.isPresent() ? List.of(columnName, aliasTypeName.get())
                : List.of(columnName)) {
            String snake = snakeCase(candidate);
            for (Rule rule : rules) {
                if (rule.pattern().matcher(snake).find()) {
                    return Optional.of(rule.category());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code ContactName} to {@code contact_name}, {@code HTMLPage} to {@code html_page}, {@code Weight Kg} to {@code weight_kg}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                continue;
            }
            boolean boundary = Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                    || Character.isDigit(name.charAt(i - 1))
                    || (i + 1 < name.length() && Character.isUpperCase(name.charAt(i - 1))
                            && Character.isLowerCase(name.charAt(i + 1))));
            if (boundary && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '_') {
            end--;
        }
        return out.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
