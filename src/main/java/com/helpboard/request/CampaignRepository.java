package com.helpboard.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignRepository extends JpaRepository<CampaignType, String> {

	List<CampaignType> findAllByOrderBySortOrderAsc();

}
