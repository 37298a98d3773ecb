package com.helpboard.system.web;

import com.helpboard.system.HelpBoardException;
import com.helpboard.system.RefusalOnPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/** A page showing a {@link RefusalOnPage refusal} answers with the refusal's status. */
class RefusalOnPageStatus implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view != null && view.getModel().get(RefusalOnPage.ATTRIBUTE) instanceof HelpBoardException refusal) {
			response.setStatus(RefusalStatus.of(refusal).value());
		}
	}

}
