package io.yardstick.eclipse.preferences;

/**
 * One issue code as the preference page lists it.
 *
 * @param code the issue code, e.g. core-limit-exceeded
 * @param severity the severity the validator gives it: error, warning or info
 * @param rule the rule's number in docs/validation.md, or empty for codes outside the numbered rules
 * @param meaning one line on what the code reports
 */
public record Rule(String code, String severity, String rule, String meaning) {
}
