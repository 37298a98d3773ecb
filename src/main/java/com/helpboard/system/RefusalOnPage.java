package com.helpboard.system;

import org.springframework.ui.Model;

/**
 * A refusal a page shows itself (beside the form that caused it) instead of the error
 * page; the page then answers with the refusal's status, as the error page would.
 */
public final class RefusalOnPage {

	/** The model attribute holding the refusal, for the view. */
	public static final String ATTRIBUTE = "refused";

	private RefusalOnPage() {
	}

	public static void show(Model model, HelpBoardException refusal) {
		model.addAttribute(ATTRIBUTE, refusal);
	}

}
