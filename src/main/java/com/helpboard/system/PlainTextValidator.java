package com.helpboard.system;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}; also usable directly for text that is not a bound field. */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

	private boolean multiline;

	@Override
	public void initialize(PlainText annotation) {
		this.multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		return value == null || isPlain(value, this.multiline);
	}

	/** Whether the text has no control or bidi-override characters. */
	public static boolean isPlain(CharSequence value, boolean multiline) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c == '\n' || c == '\r' || c == '\t') ? !multiline : isForbidden(c)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isForbidden(char c) {
		return Character.getType(c) == Character.CONTROL
				// bidi embeddings, overrides and isolates reorder the text others read
				|| (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
				// noncharacters and lone surrogates cannot be stored or shown
				|| c == '\uFFFE' || c == '\uFFFF';
	}

}
