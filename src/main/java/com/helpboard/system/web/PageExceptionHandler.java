package com.helpboard.system.web;

import com.helpboard.system.HelpBoardException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a page that no form handled: a friendly page saying why, with its status.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler(HelpBoardException.class)
	ModelAndView refused(HelpBoardException ex, HttpServletResponse response) {
		int status = RefusalStatus.of(ex).value();
		response.setStatus(status);
		ModelAndView view = new ModelAndView("error/refused");
		view.addObject("status", status);
		view.addObject("messageKey", ex.messageKey());
		view.addObject("messageArgs", ex.arguments());
		return view;
	}

	/** A facade refused a command that no form showed beside its fields. */
	@ExceptionHandler(ConstraintViolationException.class)
	ModelAndView invalid(ConstraintViolationException ex, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		ModelAndView view = new ModelAndView("error/refused");
		view.addObject("status", HttpStatus.BAD_REQUEST.value());
		view.addObject("messageKey", "error.invalid");
		view.addObject("messageArgs", new Object[0]);
		return view;
	}

	/** The database does not answer: a friendly 503 at once, not a hang or a 500. */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	ModelAndView databaseDown(RuntimeException ex, HttpServletResponse response) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, "30");
		return new ModelAndView("error/503", java.util.Map.of("status", 503));
	}

}
