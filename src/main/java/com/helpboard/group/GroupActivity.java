package com.helpboard.group;

import java.util.Map;

/**
 * Lets the request module tell group listings how many open requests each group has,
 * without this module depending on it.
 */
public interface GroupActivity {

	Map<Long, Long> openRequestsByGroup();

	long openRequestsIn(long groupId);

}
