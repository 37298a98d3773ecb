package com.helpboard.request;

import java.util.Optional;

/**
 * A rule a member must meet to post into a group (e.g. help before you post); implemented
 * by other modules. An empty answer allows the post; otherwise the refusal says why.
 */
public interface PostingRule {

	Optional<com.helpboard.system.HelpBoardException> check(long memberId, long groupId);

}
