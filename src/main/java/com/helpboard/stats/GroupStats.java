package com.helpboard.stats;

import java.time.LocalDate;
import java.util.List;

import com.helpboard.group.GroupView;

/**
 * A group's stats page: its report, and its helpers' leaderboard for the China week
 * (Monday on) that began {@code weekStart}.
 */
public record GroupStats(GroupView group, StatsReport report, List<Leader> leaders, LocalDate weekStart) {
}
