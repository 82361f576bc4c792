/**
 * Mail a shop's support inbox gets that is not a customer asking about the shop: job applications,
 * partnership and sponsorship offers, press enquiries, wholesale and reseller requests, sales pitches
 * (SEO, marketing, "increase your traffic"). Its words can look like a support question ("are you
 * hiring for your customer service team?" reads as contact_customer_service), but no article answers
 * it and it belongs to another team: drafted, for a person to route.
 */
const NOT_A_CUSTOMER =
  /\b(?:are\s+you\s+hiring|you(?:'re|\s+are)\s+hiring|hiring\s+for|job\s+(?:opening|openings|application|offer|vacanc(?:y|ies))|vacanc(?:y|ies)|apply\s+for\s+(?:a|the|any)\s+(?:job|position|role|vacancy)|(?:my|attached)\s+(?:cv|resume|résumé|curriculum\s+vitae)|send\s+(?:you\s+)?(?:my\s+|a\s+)?(?:cv|resume|résumé)|internships?|work\s+placement|partnership\s+(?:opportunit(?:y|ies)|proposal|offer)|(?:propose|offer|discuss)\s+(?:a\s+)?(?:partnership|collaboration|sponsorship)|sponsorship|press\s+(?:inquiry|enquiry|request)|i\s+am\s+a\s+journalist|i'm\s+a\s+journalist|wholesale|resell(?:er|ing)|become\s+a\s+(?:stockist|distributor|supplier|vendor)|seo\s+(?:services?|audit|agency)|guest\s+posts?|backlinks?|(?:increase|boost|grow)\s+your\s+(?:sales|traffic|revenue|rankings?)|marketing\s+(?:services|agency|proposal)|lead\s+generation)\b/i;

/** The words that show a mail for another team than support, or undefined. */
export function readNotACustomerQuestion(newest: string): string | undefined {
  return NOT_A_CUSTOMER.exec(newest)?.[0];
}
