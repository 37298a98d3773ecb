package com.helpboard.request;

import com.helpboard.system.FieldRejection;
import com.helpboard.system.Violations;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Site admins edit the campaign rules (security: /admin/** needs ROLE_ADMIN). */
@Controller
class CampaignAdminController {

	private final Campaigns campaigns;

	CampaignAdminController(Campaigns campaigns) {
		this.campaigns = campaigns;
	}

	/**
	 * The page's {@link Campaigns.CampaignEdit}: the numbers must be there; the rest is
	 * the edit's.
	 */
	record CampaignForm(String nameZh, String nameEn, Campaign.TtlMode ttlMode, @NotNull Integer defaultTtlHours,
			@NotNull Integer maxTtlHours, @NotNull Integer helperDailyCap, Boolean newUserOnly, Integer defaultHelps) {

		CampaignForm {
			// an unticked checkbox sends nothing
			newUserOnly = Boolean.TRUE.equals(newUserOnly);
		}

	}

	@GetMapping("/admin/campaigns")
	String list(Model model) {
		model.addAttribute("campaignList", this.campaigns.all());
		return "request/campaigns";
	}

	@GetMapping("/admin/campaigns/{code}")
	String edit(@PathVariable String code, Model model) {
		Campaign campaign = this.campaigns.get(code);
		model.addAttribute("campaign", campaign);
		model.addAttribute("form",
				new CampaignForm(campaign.name().zh(), campaign.name().en(), campaign.ttlMode(),
						campaign.defaultTtlHours(), campaign.maxTtlHours(), campaign.helperDailyCap(),
						campaign.newUserOnly(), campaign.defaultHelps()));
		return "request/campaign-edit";
	}

	@PostMapping("/admin/campaigns/{code}")
	String save(@PathVariable String code, @Valid @ModelAttribute("form") CampaignForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Campaign campaign = this.campaigns.get(code);
		if (!result.hasErrors()) {
			try {
				this.campaigns.update(code,
						new Campaigns.CampaignEdit(form.nameZh(), form.nameEn(), form.ttlMode(), form.defaultTtlHours(),
								form.maxTtlHours(), form.helperDailyCap(), form.newUserOnly(), form.defaultHelps()));
				redirect.addFlashAttribute("flash", "campaign.saved");
				return "redirect:/admin/campaigns";
			}
			catch (FieldRejection ex) {
				result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
			}
			catch (ConstraintViolationException ex) {
				Violations.rejectInto(ex, result);
			}
		}
		model.addAttribute("campaign", campaign);
		return "request/campaign-edit";
	}

}
