/**
 * The values a status, kind or role column may hold, once for the whole platform. The domain's
 * modules (roles.ts, cases/…) derive their types and label maps from these lists, the server's
 * Zod schemas validate with them, and packages/db types its columns and writes its CHECK
 * constraints from them: the one domain file packages/db may import (biome.json,
 * docs/ARCHITECTURE.md). It imports nothing, so the database layer pulls in no rules.
 *
 * Adding a value: add it here, then `npm run db:generate` writes the migration that widens the
 * CHECK (packages/db/test/enum-checks.test.ts fails until it does).
 */

// ─── core ────────────────────────────────────────────────────────────────────────────────────

/** users.role, account_requests.role (roles.ts has the labels). */
export const roleIds = [
  'chief',
  'deputyChief',
  'departmentHead',
  'prosecutor',
  'assistant',
  'clerk',
  'analyst',
  'admin',
  // An outside account of a partner school or kindergarten: employment checks for its own hires.
  'school',
  // 特邀检察官助理: an officer seconded from 市场监管, 税务…; reads only the cases it is added to.
  'invitedAssistant',
  // 外部单位: an account of an outside organisation (行政机关, 法院…); sees only its own portal records.
  'organisation',
  // 政治部（组织人事）: runs team assessment (schemes, approvals, grades); sees everyone's
  // assessment records, no case content.
  'personnel',
] as const;

/** departments.line (roles.ts has the labels). */
export const lineIds = [
  'criminal',
  'civilAdministrative',
  'publicInterest',
  'juvenile',
  'caseManagement',
  'political',
  'office',
] as const;

/** cases.type (cases/case-types.ts has the definitions). */
export const caseTypeIds = [
  'adminPublicInterest',
  'civilPublicInterest',
  'adminViolation',
  'nonLitigationEnforcement',
  'supportedSuit',
  'adminDisputeResolution',
  'juvenileVictim',
  'juvenileSuspect',
] as const;

/** clues.source (cases/clue-sources.ts has the labels). */
export const clueSourceIds = [
  'criminalTransfer',
  'publicReport',
  'adminTransfer',
  'congressReferral',
  'dataModel',
  'selfDiscovered',
  'media',
  'labourBureau',
  'legalAidAgency',
  'courtTransfer',
  'otherBodyTransfer',
] as const;

/** clues.status. */
export const clueStatusIds = ['pending', 'assessing', 'opened', 'declined', 'transferred'] as const;

/** clue_parties.kind. */
export const partyKindIds = ['person', 'organisation'] as const;

/** case_events.kind (cases/event-kinds.ts has the labels). */
export const caseEventKindIds = [
  'caseOpened',
  'stageChanged',
  'investigation',
  'investigationReport',
  'reviewReport',
  'applicationReceived',
  'hearing',
  'roundTable',
  'suggestionIssued',
  'suggestionDelivered',
  'replyReceived',
  'rectificationChecked',
  'announcementPublished',
  'supportOpinion',
  'suitFiled',
  'courtNoticeReceived',
  'courtAttendance',
  'judgment',
  'rulingEffective',
  'resolutionAgreement',
  'terminationDecision',
  'closureDecision',
  'earlyIntervention',
  'socialInvestigationReport',
  'conditionalNonProsecution',
  'probationEvaluation',
  'nonProsecutionDecision',
  'publicProsecution',
  'outcomeRecorded',
  'note',
] as const;

/** case_outcomes.kind (cases/outcomes.ts has the labels and units). */
export const outcomeKindIds = [
  'stateAssetsRecovered',
  'taxRecovered',
  'wagesRecovered',
  'subsidiesRecovered',
  'compensationPaid',
  'peopleHelped',
  'ecologicalRestoration',
  'wasteRemoved',
  'hazardsRemoved',
] as const;

/** account_requests.kind (apps/server/src/account-requests/schema.ts has the labels). */
export const accountRequestKindIds = ['create', 'elevate', 'resetPassword'] as const;

/** account_requests.status. */
export const accountRequestStatusIds = ['pending', 'approved', 'rejected'] as const;

// ─── suggestions (检察建议; apps/server/src/suggestions/labels.ts has the labels) ─────────────

/** suggestions.kind. */
export const suggestionKindIds = ['preLitigation', 'general', 'socialGovernance', 'classCase'] as const;

/** suggestions.state: draft → pendingApproval → approved → issued → delivered → replied → closed. */
export const suggestionStateIds = [
  'draft',
  'pendingApproval',
  'approved',
  'issued',
  'delivered',
  'replied',
  'closed',
] as const;

/** suggestions.rectification (null until the reply is assessed). */
export const rectificationIds = ['fullyRectified', 'partlyRectified', 'notRectified'] as const;

/** suggestions.follow_up (null until decided). */
export const followUpIds = ['followUpSupervision', 'litigation', 'none'] as const;

// ─── juvenile (未检; packages/domain/src/juvenile has the labels) ─────────────────────────────

/** juvenile_minors.role. */
export const minorRoleIds = ['victim', 'suspect'] as const;

/** juvenile_minors.gender. */
export const genderIds = ['male', 'female'] as const;

/** juvenile_case_records.kind (juvenile/case-records.ts has the forms; 司法救助 moved to judicial_aids). */
export const caseRecordKindIds = [
  'earlyIntervention',
  'socialInvestigation',
  'interrogation',
  'conditionalNonProsecution',
  'occupationalBan',
  'mandatoryReportFailure',
] as const;

/** juvenile_inquiry_requests.state. */
export const inquiryRequestStateIds = ['pending', 'approved', 'refused', 'used'] as const;

/** juvenile_sessions.room. */
export const oneStopRoomIds = [
  'inquiryRoom',
  'examRoom',
  'counsellingRoom',
  'forensicsRoom',
  'restRoom',
] as const;

/** The items of juvenile_sessions.functions (a jsonb array, typed but not CHECKed). */
export const oneStopFunctionIds = ['inquiry', 'medicalExam', 'counselling', 'forensics', 'shelter'] as const;

/** juvenile_follow_ups.subject. */
export const followUpSubjectIds = ['caseInvolved', 'unsupervised'] as const;

/** juvenile_follow_ups.outcome (null while the plan runs). */
export const followUpOutcomeIds = ['backToSchool', 'employed', 'training', 'backHome', 'other'] as const;

/** juvenile_referrals.body_kind. */
export const referralBodyKindIds = [
  'education',
  'civilAffairs',
  'womensFederation',
  'socialWork',
  'other',
] as const;

/** juvenile_sealings.basis. */
export const sealingBasisIds = ['sentence', 'nonProsecution'] as const;

/** juvenile_seal_queries.state. */
export const sealQueryStateIds = ['pending', 'permitted', 'refused'] as const;

// ─── prevention (社会化预防: mailbox, employment checks, outreach) ───────────────────────────

/** partner_schools.kind (apps/server/src/mailbox/schema.ts has the labels). */
export const schoolKindIds = [
  'primary',
  'middle',
  'kindergarten',
  'vocational',
  'training',
  'other',
] as const;

/** mailbox_letters.topic (mailbox/topics.ts has the labels and keywords). */
export const letterTopicIds = [
  'bullying',
  'family',
  'sexualSafety',
  'online',
  'mentalHealth',
  'legalQuestion',
  'other',
] as const;

/** mailbox_letters.topic_source: chosen by the student, or found from the keywords. */
export const topicSourceIds = ['student', 'keywords'] as const;

/** mailbox_letters.status. */
export const letterStatusIds = ['new', 'read', 'answered'] as const;

/** mailbox_alerts.kind. */
export const mailboxAlertKindIds = ['urgent', 'flood'] as const;

/** employment_check_people.result. */
export const checkResultIds = ['clear', 'review'] as const;

/** outreach_events.kind (apps/server/src/outreach/schema.ts has the labels). */
export const outreachKindIds = ['lawToSchool', 'littleProsecutor', 'toCommunity'] as const;

// ─── models (大数据法律监督模型; apps/server/src/models/schema.ts has the labels) ─────────────

/** collide_runs.status: queued → running → succeeded | failed. */
export const runStatusIds = ['queued', 'running', 'succeeded', 'failed'] as const;

/** collide_runs.stage: the step a run is at. */
export const runStageIds = ['queued', 'import', 'match', 'explain', 'save', 'done'] as const;

/** collide_hits.status: pending → confirmed | dismissed | clue. */
export const hitStatusIds = ['pending', 'confirmed', 'dismissed', 'clue'] as const;

/** collide_hits.confidence. */
export const hitConfidenceIds = ['exact', 'suspected'] as const;

/** collide_schedules.repeat: monthly on day `every`, or every `every` days. */
export const scheduleRepeatIds = ['monthly', 'days'] as const;

// ─── deadlines, calendar, attachments, reminders ─────────────────────────────────────────────

/** deadlines.state: the engine's (deadlines/compute.ts); pending waits for the previous limit. */
export const deadlineStateIds = ['running', 'paused', 'pending'] as const;

/** holiday_calendar_days.kind. */
export const calendarDayKindIds = ['rest', 'work'] as const;

/** holiday_calendar_days.source: seeded from chinese-days, typed by an admin, or imported. */
export const calendarSourceIds = ['chinese-days', 'admin', 'import'] as const;

/** attachments.purpose: a clue's material or a suggestion reply's attachment. */
export const attachmentPurposeIds = ['material', 'reply', 'screenshot', 'evidence'] as const;

/** attachments.kind, recognised from the bytes (attachments/file-kinds.ts). */
export const fileKindIds = ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'doc', 'xls', 'txt'] as const;

/** reminders_sent.kind. */
export const reminderKindIds = ['deadline', 'followUpVisit', 'consultationCheck', 'jointMeeting'] as const;

/** reminders_sent.state. */
export const reminderStateIds = ['dueSoon', 'overdue'] as const;

// ─── civil-administrative (apps/server/src/supported-prosecution/schema.ts has the labels) ───

/** supported_prosecution_applicants.category: 老、弱、病、残、幼、农民工、家暴受害人. */
export const weakPartyCategoryIds = [
  'elderly',
  'poor',
  'ill',
  'disabled',
  'minor',
  'migrantWorker',
  'domesticViolenceVictim',
] as const;

/** supported_prosecutions.claim_kind: 劳动报酬、抚养费、赡养费、残疾人保证金、家庭暴力, or other (named). */
export const supportClaimKindIds = [
  'labourPay',
  'childSupport',
  'elderSupport',
  'disabilityFund',
  'domesticViolence',
  'other',
] as const;

// ─── 行政违法行为监督 (packages/domain/src/admin-violation.ts has the labels) ───

/** clue_criminal_origins.kind: how a clue about an administrative violation came out of a criminal case. */
export const clueOriginKindIds = ['foundInCriminalCase', 'reverseLinkage', 'other'] as const;

/** admin_violation_records.act_kind: the administrative act supervised. */
export const adminActKindIds = [
  'penalty',
  'licensing',
  'coercion',
  'nonLitigationEnforcement',
  'levy',
  'inaction',
  'other',
] as const;

/** admin_violation_records.correction: what the organ did about the violation. */
export const adminCorrectionIds = ['corrected', 'partlyCorrected', 'notCorrected'] as const;
/** supported_prosecution_steps.kind: the work of a 民支 case, in its order (supported-prosecution-steps.ts). */
export const supportStepKindIds = [
  'eligibilityReview',
  'legalAidReferral',
  'evidenceCollection',
  'courtFiling',
  'mediation',
  'judgment',
  'enforcement',
] as const;

/** supported_prosecution_steps.result: a step's decision or result (which kind takes which: the domain). */
export const supportStepResultIds = [
  'eligible',
  'ineligible',
  'aidGranted',
  'aidRefused',
  'aidPending',
  'settled',
  'notSettled',
  'upheld',
  'partlyUpheld',
  'dismissed',
  'enforced',
  'partlyEnforced',
  'enforcing',
] as const;

/** supported_prosecution_steps.reason_kinds: why the party cannot easily sue alone. */
export const eligibilityReasonIds = [
  'noLegalKnowledge',
  'cannotAfford',
  'evidenceHeldByOther',
  'limitedMobility',
  'incapacity',
  'fearOfReprisal',
  'manyClaimants',
  'other',
] as const;

// ─── public hearings and administrative-dispute resolution (packages/domain/src/hearings.ts) ───

/** hearing_panel.method: drawn at random from the pool (seed recorded) or chosen with a reason. */
export const hearingDrawMethodIds = ['random', 'chosen'] as const;

/** hearings participants' roles: 当事人, 行政机关, 代理人, 其他. */
export const hearingParticipantRoleIds = ['party', 'organ', 'agent', 'other'] as const;

/** admin_disputes.entry_stage: 诉前 (复议), 诉中 (court), 诉后 (supervision application). */
export const disputeEntryStageIds = ['preLitigation', 'inLitigation', 'postLitigation'] as const;

/** admin_disputes.means: 公开听证, 释法说理, 司法救助, 检察建议, 提请抗诉. */
export const disputeMeansIds = [
  'publicHearing',
  'explanation',
  'judicialAssistance',
  'suggestion',
  'protestRequest',
] as const;

/** admin_disputes.outcome: 撤诉, 和解, 行政机关依法履职, 息诉罢访, 未化解. */
export const disputeOutcomeIds = [
  'withdrawn',
  'settled',
  'organPerformed',
  'complaintsEnded',
  'unresolved',
] as const;
// ─── 类案监督 (class-supervision.ts has the labels) ──────────────────────────────────────────

/** class_case_members.site_kind: where the shared problem was found. */
export const classSiteKindIds = [
  'hospital',
  'mall',
  'oldCompound',
  'school',
  'market',
  'enterprise',
  'other',
] as const;

/** class_case_members.rectification: 未整改 → 整改中 → 已整改, per site. */
export const siteRectificationIds = ['notStarted', 'inProgress', 'done'] as const;

// ─── judicial aid (司法救助; packages/domain/src/judicial-aid.ts has the labels) ─────────────

/** judicial_aids.category: why the applicant asks for 国家司法救助. */
export const judicialAidCategoryIds = [
  'victimInjured',
  'victimDeceased',
  'propertyLoss',
  'retaliated',
  'civilUncompensated',
  'juvenile',
  'other',
] as const;

/** judicial_aids.decision: pending until 批准 (granted) or 不予救助 (refused). */
export const judicialAidDecisionIds = ['pending', 'granted', 'refused'] as const;

// ─── public interest ─────────────────────────────────────────────────────────────────────────

/** cases.pil_field, clues.pil_field: 公益诉讼领域 (public-interest-fields.ts has the labels). */
export const pilFieldIds = [
  'ecology',
  'culturalHeritage',
  'stateProperty',
  'stateLandTransfer',
  'foodDrugSafety',
  'tax',
  'pensionSubsistenceFunds',
  'heroesMartyrs',
  'minors',
  'personalInformation',
  'workSafety',
  'other',
] as const;

/** protected_objects.kind: what a public-interest case protects. */
export const protectedObjectKindIds = [
  'culturalRelic',
  'natureReserve',
  'wildlife',
  'landmark',
  'other',
] as const;

/** patrols.kind: 网络餐饮平台巡查 / 药品网络销售巡查 (labels in patrols.ts). */
export const patrolKindIds = ['onlineFood', 'onlineDrug'] as const;

/** patrol_findings.kind (labels in patrols.ts). */
export const patrolFindingKindIds = [
  'unlicensed',
  'beyondScope',
  'foodBlindBox',
  'controlledDrugs',
  'fakeDrugs',
  'other',
] as const;

// ─── 公益诉讼工作机制: 磋商、圆桌会议、会签文件 (pil-mechanisms.ts has the labels) ─────────────

/** pil_consultations.kind: 诉前磋商 with an organ, or a 圆桌会议 of several bodies. */
export const pilConsultationKindIds = ['consultation', 'roundTable'] as const;

/** pil_consultations.check_result: what the follow-up check found of the agreed action. */
export const pilCheckResultIds = ['done', 'partlyDone', 'notDone'] as const;

/** cooperation_agreements.mechanisms: what a 会签文件 sets up (pil-mechanisms.ts has the labels). */
export const cooperationMechanismIds = [
  'infoSharing',
  'clueTransfer',
  'jointMeeting',
  'jointInvestigation',
  'expertise',
  'restoration',
  'other',
] as const;

/** organisations.kind (外部单位门户; portal.ts has the labels). */
export const organisationKindIds = [
  'administrative',
  'court',
  'humanResources',
  'judicialAdministration',
  'education',
  'civilAffairs',
  'other',
] as const;

/** portal_clues.field: the line of work an outside organisation thinks its clue belongs to (portal-clues.ts). */
export const portalClueFieldIds = [
  'supportedSuit',
  'administrative',
  'publicInterest',
  'minors',
  'criminal',
  'unsure',
] as const;

/** suggestion_extension_requests.state: an organisation's request to extend the reply deadline. */
export const extensionRequestStateIds = ['pending', 'granted', 'refused'] as const;
// ─── 队伍建设: assessment schemes, entries, appeals (assessment/schemes.ts has the labels) ──────

/** assessment_periods.kind: a year, a half, a quarter, or another span personnel names. */
export const assessmentPeriodKindIds = ['year', 'half', 'quarter', 'other'] as const;

/** assessment_periods.status: rules editable while open; closed periods are frozen. */
export const assessmentPeriodStatusIds = ['open', 'closed'] as const;

/** assessment_point_rules.category: the six disciplines of the Party, and 业务. */
export const pointCategoryIds = [
  'political',
  'organisational',
  'integrity',
  'masses',
  'work',
  'life',
  'business',
] as const;

/** assessment_point_rules.proposer: the lowest level that may propose an entry under the rule. */
export const pointProposerIds = ['self', 'departmentHead', 'personnel'] as const;

/**
 * assessment_point_rules.trigger: records that propose an entry under the rule by themselves
 * (confirmed by a person), or study attendance that earns it.
 */
export const pointTriggerIds = [
  'deadlineOverdue',
  'suggestionReturned',
  'firstTopic',
  'preMeetingStudy',
  'branchSeminar',
] as const;

/** assessment_indicators.dimension: 质量 / 效率 / 效果 (高检发〔2020〕7号's three). */
export const indicatorDimensionIds = ['quality', 'efficiency', 'effect'] as const;

/** assessment_indicators.direction: more is better, or less is better. */
export const indicatorDirectionIds = ['higher', 'lower'] as const;

/** assessment_indicators.source: computed from the records, or entered and approved. */
export const indicatorSourceIds = ['computed', 'entered'] as const;

/**
 * assessment_indicators.computed_key: the computed-indicator catalogue's keys (their names and
 * 口径 in assessment/indicators.ts, the SQL in apps/server/src/assessment-scores/compute.ts).
 */
export const computedIndicatorKeyIds = [
  'casesHandled',
  'cluesOpened',
  'suggestionsIssued',
  'suggestionsAdopted',
  'suggestionsRectified',
  'suggestionAdoptionRate',
  'repliesOnTime',
  'deadlinesMet',
  'deadlinesOverdue',
  'deadlineOnTimeRate',
  'moneyRecovered',
  'supportedSuits',
  'supportedSuitAmount',
  'disputesResolved',
  'modelHitsConfirmed',
  'juvenileFollowUpsDone',
  'outreachEvents',
] as const;

/** assessment_grade_bands.grade: 优秀 / 称职 / 基本称职 / 不称职. */
export const gradeIds = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const;

/** assessment_entries.kind: party points, an entered indicator's value, the everyday lists. */
export const assessmentEntryKindIds = ['partyPoints', 'indicator', 'bonus', 'negative'] as const;

/**
 * assessment_entries.status: proposed by the records (a person confirms), submitted by its
 * author, reviewed by the department head, approved by personnel (or confirmed), rejected, or
 * revoked on appeal.
 */
export const assessmentEntryStatusIds = [
  'proposed',
  'submitted',
  'reviewed',
  'approved',
  'rejected',
  'revoked',
] as const;

/** assessment_entries.origin: typed by a person, proposed from a record, from study attendance. */
export const assessmentEntryOriginIds = ['manual', 'record', 'study'] as const;

/** assessment_entries.record_type: the record an entry cites. */
export const assessmentRecordTypeIds = ['deadline', 'suggestion', 'case', 'clue', 'studySession'] as const;

/** assessment_appeals.status: 复核 pending, the entry upheld, or the entry revoked. */
export const appealStatusIds = ['pending', 'upheld', 'revoked'] as const;

/** study_sessions.kind: 第一议题, 党组会前学习, 支部研讨. */
export const studySessionKindIds = ['firstTopic', 'preMeetingStudy', 'branchSeminar'] as const;

/** reports.kind (工作报告, 白皮书, 类案分析; reports/kinds.ts has the labels). */
export const reportKindIds = ['workReport', 'whitePaper', 'caseAnalysis'] as const;
