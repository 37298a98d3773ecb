package com.helpboard.system.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpboard.system.FieldRejection;
import com.helpboard.system.HelpBoardException;
import com.helpboard.system.LimitReached;
import com.helpboard.system.Violations;
import jakarta.validation.ConstraintViolationException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API failure as problem+json (RFC 9457) with {@code status}, {@code title},
 * {@code detail}, and {@code errors} for invalid fields; never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(HelpBoardException.class)
	ResponseEntity<Object> refused(HelpBoardException ex, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		String detail = this.messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
		HttpStatus status = RefusalStatus.of(ex);
		ProblemDetail problem = problem(status, detail, request);
		HttpHeaders headers = new HttpHeaders();
		if (ex instanceof FieldRejection field) {
			problem.setProperty("errors", List.of(Map.of("field", field.field(), "message", detail)));
			if (field.kind() == FieldRejection.Kind.BUSY) {
				headers.set(HttpHeaders.RETRY_AFTER, "60");
			}
		}
		if (ex instanceof LimitReached limit && limit.retryAt() != null) {
			long seconds = Math.max(1, limit.retryAt().getEpochSecond() - java.time.Instant.now().getEpochSecond());
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			problem.setProperty("retryAt", limit.retryAt().toString());
		}
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	/** A facade refused a command by its constraints: the same 400 as an invalid body. */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> invalid(ConstraintViolationException ex, WebRequest request) {
		List<Map<String, String>> errors = Violations.of(ex)
			.stream()
			.map((violation) -> Map.of("field", Violations.field(violation), "message", violation.getMessage()))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("error.invalid", null, "Invalid input.", LocaleContextHolder.getLocale()),
				request);
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler({ org.springframework.transaction.CannotCreateTransactionException.class,
			org.springframework.dao.DataAccessResourceFailureException.class })
	ResponseEntity<Object> databaseDown(RuntimeException ex, WebRequest request) {
		String detail = this.messages.getMessage("error.503.text", null,
				"The service is briefly unavailable. Please try again in a minute.", LocaleContextHolder.getLocale());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "30")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, detail, request));
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class,
			DataIntegrityViolationException.class })
	ResponseEntity<Object> raced(RuntimeException ex, WebRequest request) {
		if (isUnstorableText(ex)) {
			return ResponseEntity.badRequest()
				.body(problem(HttpStatus.BAD_REQUEST, this.messages.getMessage("error.400.control", null,
						"The input contains control characters.", LocaleContextHolder.getLocale()), request));
		}
		// a concurrent change won; the client may re-read and retry
		String detail = this.messages.getMessage("error.conflict", null, "The data changed meanwhile.",
				LocaleContextHolder.getLocale());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, detail, request));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((FieldError error) -> Map.of("field", error.getField(), "message",
					this.messages.getMessage(error, locale)))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("error.invalid", null, "Invalid input.", locale), request);
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring's own problems (malformed JSON, wrong method, too large…): keep the
		// status, drop internals from the detail
		ProblemDetail problem = (body instanceof ProblemDetail pd) ? pd : ProblemDetail.forStatus(statusCode);
		if (statusCode.value() == 400 && problem.getDetail() != null && problem.getDetail().contains("Exception")) {
			problem.setDetail("The request could not be read.");
		}
		setInstance(problem, request);
		return ResponseEntity.status(statusCode).headers(headers).body(problem);
	}

	private ProblemDetail problem(HttpStatusCode status, String detail, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		setInstance(problem, request);
		return problem;
	}

	private static void setInstance(ProblemDetail problem, WebRequest request) {
		if (request instanceof ServletWebRequest servlet) {
			problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
		}
	}

	/**
	 * PostgreSQL refused a character it cannot store (NUL): bad input, not a conflict. A
	 * backstop: free-text fields refuse control characters before they get here.
	 */
	static boolean isUnstorableText(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof java.sql.SQLException sql && ("22021".equals(sql.getSQLState())
					|| "22P05".equals(sql.getSQLState()) || "22000".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
