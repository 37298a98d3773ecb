package com.helpboard.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Free text a person typed: no control characters (NUL, escape, …), no bidirectional
 * overrides that reorder what others see, and, unless {@link #multiline()}, no line
 * breaks or tabs. {@code null} is valid (combine with {@code @NotNull} where needed).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	/** Whether line breaks and tabs are allowed (notes, descriptions). */
	boolean multiline() default false;

	String message() default "{PlainText}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
