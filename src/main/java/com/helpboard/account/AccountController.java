package com.helpboard.account;

import com.helpboard.system.FieldRejection;
import com.helpboard.system.MemberSessions;
import com.helpboard.system.PlainText;
import com.helpboard.system.ReturnTarget;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AccountController {

	// long enough that the password rules, not this limit, explain a refusal
	static final int PASSWORD_INPUT_MAX = 1024;

	/** Where a new member lands when they were not on their way to a page. */
	static final String AFTER_REGISTERING = "/me/todo";

	private final Accounts accounts;

	private final MemberSessions memberSessions;

	AccountController(Accounts accounts, MemberSessions memberSessions) {
		this.accounts = accounts;
		this.memberSessions = memberSessions;
	}

	/**
	 * The password as typed: not blank-checked or trimmed here, the rules say why.
	 * {@code next} is where to go afterwards (a same-site path, else ignored).
	 */
	record RegistrationForm(@NotBlank @Size(max = 64) @PlainText String username,
			@NotEmpty @Size(max = PASSWORD_INPUT_MAX) String password, String passwordAgain, String next) {
	}

	@GetMapping("/register")
	String registerForm(@RequestParam(required = false) String next, Model model) {
		model.addAttribute("form", new RegistrationForm("", "", "", ReturnTarget.of(next).orElse("")));
		return "account/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		// every mistake at once, each on its field: the name, the password and the repeat
		if (form.password() != null && !form.password().equals(form.passwordAgain())) {
			result.rejectValue("passwordAgain", "account.password.mismatch");
		}
		for (FieldRejection refusal : this.accounts.registrationRefusals(form.username(), form.password())) {
			if (!result.hasFieldErrors(refusal.field())) {
				result.rejectValue(refusal.field(), refusal.messageKey(), refusal.arguments(), refusal.messageKey());
			}
		}
		if (result.hasErrors()) {
			return "account/register";
		}
		try {
			this.accounts.register(form.username(), form.password());
		}
		catch (FieldRejection ex) {
			// someone took the name a moment ago
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
			return "account/register";
		}
		// sign the new member in straight away as the login form would: a new session id
		// and CSRF token (no session fixation)
		Optional<String> next = ReturnTarget.of(form.next())
			.or(() -> this.memberSessions.takeSavedPage(request, response));
		if (!this.memberSessions.signIn(request, response, form.username(), form.password())) {
			redirect.addFlashAttribute("flash", "account.registered.login");
			return next.map((target) -> "redirect:/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8))
				.orElse("redirect:/login");
		}
		redirect.addFlashAttribute("flash", "account.registered");
		if (next.isPresent()) {
			return "redirect:" + next.get();
		}
		// nowhere to return to: what to do first (find a group, help, post)
		redirect.addFlashAttribute("welcome", true);
		return "redirect:" + AFTER_REGISTERING;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String next, Model model) {
		model.addAttribute("next", ReturnTarget.of(next).orElse(null));
		return "account/login";
	}

	record PasswordForm(@NotEmpty @Size(max = PASSWORD_INPUT_MAX) String currentPassword,
			@NotEmpty @Size(max = PASSWORD_INPUT_MAX) String newPassword, String newPasswordAgain) {
	}

	@GetMapping("/me/password")
	String passwordForm(Model model) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		return "account/password";
	}

	@PostMapping("/me/password")
	String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, HttpServletRequest request, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !form.newPassword().equals(form.newPasswordAgain())) {
			result.rejectValue("newPasswordAgain", "account.password.mismatch");
		}
		if (result.hasErrors()) {
			return "account/password";
		}
		try {
			this.accounts.changePassword(me.id(), form.currentPassword(), form.newPassword());
		}
		catch (FieldRejection ex) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
			return "account/password";
		}
		// committed: every other browser and every remember-me login has to log in again
		this.memberSessions.endOtherSessions(request, me.id(), me.username());
		redirect.addFlashAttribute("flash", "account.password.changed");
		return "redirect:/me";
	}

	record TokenForm(@Size(max = 64) @PlainText String name) {
	}

	@PostMapping("/me/tokens")
	String issueToken(@Valid @ModelAttribute TokenForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		if (result.hasFieldErrors("name") && "PlainText".equals(result.getFieldError("name").getCode())) {
			redirect.addFlashAttribute("flash", "account.token.name.plain");
			return "redirect:/me#tokens";
		}
		if (result.hasErrors()) {
			redirect.addFlashAttribute("flash", "account.token.name.invalid");
			redirect.addFlashAttribute("flashArgs", new Object[] { 64 });
			return "redirect:/me#tokens";
		}
		IssuedToken token = this.accounts.issueToken(me.id(), form.name());
		redirect.addFlashAttribute("newToken", token);
		return "redirect:/me#tokens";
	}

	@PostMapping("/me/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		this.accounts.revokeToken(me.id(), id);
		redirect.addFlashAttribute("flash", "account.token.revoked");
		return "redirect:/me#tokens";
	}

}
