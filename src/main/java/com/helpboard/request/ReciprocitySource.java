package com.helpboard.request;

import java.util.Collection;
import java.util.Map;

/**
 * Where request cards get their authors' reciprocity from: implemented by the help
 * module, in one query for a whole page of authors.
 */
public interface ReciprocitySource {

	Map<Long, Reciprocity> of(Collection<Long> memberIds);

}
