package com.helpboard.request;

import com.helpboard.group.GroupView;

/**
 * A group as listings show it: the group module's view and how many open requests it has,
 * which this module counts.
 */
record GroupCard(GroupView group, long openRequests) {

}
