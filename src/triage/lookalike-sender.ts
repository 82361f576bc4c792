/**
 * Mail from "security@northwind-verify.example" is not a customer writing in: it is a phishing mail
 * (or a test of one) dressed as ours, and answering it confirms a live inbox to its sender. A sender
 * whose domain carries the name of one of our own hosts, or that name with one letter changed, but is
 * not one of our hosts, goes to a person. Our own hosts and their subdomains are ours; any other
 * domain that merely contains a common word is left alone by requiring the whole brand label.
 */
import { isAllowedHost } from './reply-rules-links.js';

/** The brand labels of our hosts: "northwind" for northwind.example and help.northwind.example. */
function brandLabels(ownHosts: readonly string[]): string[] {
  const labels = ownHosts.map((host) => {
    const parts = host.toLowerCase().split('.').filter(Boolean);
    // The label before the top-level domain names the brand; a bare host names itself.
    return parts.length >= 2 ? parts[parts.length - 2]! : (parts[0] ?? '');
  });
  // A short label ("ab.example") would match too much of other people's domains to mean anything.
  return [...new Set(labels)].filter((label) => label.length >= 5);
}

/** One substitution, insertion or deletion apart ("northwlnd", "nortwind", "northwinds"). */
function withinOneEdit(left: string, right: string): boolean {
  if (Math.abs(left.length - right.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < left.length && j < right.length) {
    if (left[i] === right[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (left.length > right.length) i++;
    else if (right.length > left.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (left.length - i) + (right.length - j) <= 1;
}

/** The sender's domain when it imitates one of ours, else undefined. */
export function readLookalikeSender(email: string | undefined, ownHosts: readonly string[]): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return undefined;
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  if (!domain || isAllowedHost(domain, ownHosts)) return undefined;
  const words = domain.split(/[.-]/).filter(Boolean);
  for (const brand of brandLabels(ownHosts)) {
    if (domain.includes(brand)) return domain;
    if (words.some((word) => word !== brand && word.length >= brand.length - 1 && withinOneEdit(word, brand))) return domain;
  }
  return undefined;
}
