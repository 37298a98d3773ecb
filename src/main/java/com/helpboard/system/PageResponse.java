package com.helpboard.system;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Slice;

/** The API's paged list shape: {@code {items, page, size, hasNext}}. */
public record PageResponse<T>(List<T> items, int page, int size, boolean hasNext) {

	public static <S, T> PageResponse<T> of(Slice<S> slice, Function<S, T> mapper) {
		return new PageResponse<>(slice.getContent().stream().map(mapper).toList(), slice.getNumber(), slice.getSize(),
				slice.hasNext());
	}

}
