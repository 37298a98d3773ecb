package com.helpboard.system;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A command a facade refused through its Bean Validation constraints, told by field: the
 * API lists them under {@code errors}, a page shows each beside its form field. The
 * messages are already in the request's language (the validator reads our bundles).
 */
public final class Violations {

	private Violations() {
	}

	/** The refused fields, in a stable order. */
	public static List<ConstraintViolation<?>> of(ConstraintViolationException ex) {
		return ex.getConstraintViolations()
			.stream()
			.sorted(Comparator.comparing(Violations::field).thenComparing(ConstraintViolation::getMessage))
			.toList();
	}

	/**
	 * The field a violation is about: the command's component (or the method's
	 * parameter), named as the form and the JSON body name it.
	 */
	public static String field(ConstraintViolation<?> violation) {
		String field = "";
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD) {
				field = node.getName();
			}
		}
		return field;
	}

	/** Shows the facade's refusal beside the page form's fields. */
	public static void rejectInto(ConstraintViolationException ex, BindingResult form) {
		for (ConstraintViolation<?> violation : of(ex)) {
			form.addError(new FieldError(form.getObjectName(), field(violation), violation.getInvalidValue(), false,
					null, null, violation.getMessage()));
		}
	}

}
