/**
 * The word lists of the escalation matrix, per tag and per language (English, German, French,
 * Spanish, Italian, Dutch, Portuguese, Polish). They fire on words a person would never want
 * missed ("DSGVO", "kündigen", "chargeback"); the tag model covers the phrasing nobody listed.
 *
 * Deliberately broad, except where breadth is wrong: cancelling an ORDER is not churn, asking what
 * the refund policy is is not a refund request, and a newsletter unsubscribe is neither.
 */
import type { EscalationModelTag } from './escalation-tags.js';
import { foldLetters } from './fold-letters.js';
import { firstMatch } from './regex-matches.js';
import { memoised } from './ticket-memo.js';

export type WordListLanguage = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'pl';

export interface WordList {
  tag: EscalationModelTag;
  language: WordListLanguage | 'any';
  pattern: RegExp;
}

/** Word boundaries that know accented letters: JavaScript's \b stops at "ü" and "ł". */
function words(source: string, flags = 'iu'): RegExp {
  // \w is ASCII even with the u flag: "rembours\w*" must reach the "é" of "remboursé".
  const unicodeSource = source.replaceAll('\\w', '[\\p{L}\\p{N}_]');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${unicodeSource})(?![\\p{L}\\p{N}])`, flags);
}

const RELATIVES_EN =
  '(?:ex|ex-wife|ex-husband|wife|husband|partner|boyfriend|girlfriend|son|daughter|mother|mum|mom|father|dad|brother|sister|friend|neighbou?r|colleague|flatmate|roommate|housemate|boss|tenant|landlord)';

export const WORD_LISTS: readonly WordList[] = [
  // retention: leaving us (subscription, membership, account, contract), never an order
  { tag: 'retention', language: 'en', pattern: words(
    "cancel(?:l?ing|l?ed)?\\s+(?:my|our|the|this)\\s+(?:pro\\s+|annual\\s+|monthly\\s+|yearly\\s+)?(?:subscription|membership|plan|contract|account|service)s?" +
    '|cancel(?:l?ing)?\\s+subscription|(?:subscription|membership)\\s+cancell?ation' +
    '|(?:close|shut|terminate|deactivate|delete|remove|end|cancel)\\s+(?:down\\s+)?(?:my|our|the)\\s+(?:customer\\s+|company\\s+|business\\s+|northwind\\s+|pro\\s+)?(?:account|subscription|membership|plan|contract)s?' +
    '|shut\\s+(?:my|our|the)\\s+account\\s+down|close\\s+(?:my|our)\\s+acc(?:oun)?t' +
    '|(?:switch|switching|move|moving|go|going|went|leave|leaving|taking\\s+my\\s+business)\\s+(?:over\\s+)?to\\s+(?:a\\s+|your\\s+|the\\s+)?(?:competitor|competition|another\\s+(?:provider|supplier|shop|store|company|service|vendor))' +
    '|take\\s+my\\s+business\\s+elsewhere|taking\\s+my\\s+business\\s+elsewhere' +
    '|los(?:e|ing)\\s+me\\s+as\\s+a\\s+customer|no\\s+longer\\s+(?:want\\s+to\\s+)?be\\s+(?:a|your)\\s+customer' +
    "|(?:do\\s+not|don'?t|not|won'?t)\\s+renew|stop\\s+(?:the\\s+|my\\s+)?(?:auto-?)?renewals?|(?:i\\s+am|i'm)\\s+leaving|churn\\w*|early\\s+termination" +
    '|downgrad\\w*\\s+to\\s+(?:the\\s+)?free|done\\s+with\\s+(?:you|northwind)' +
    // "move from Pro down to the free plan", "switch back to Free": leaving the paid plan in other words
    '|(?:move|moving|go|going|switch|switching|drop|dropping|step|stepping|change|changing)\\s+(?:(?:from|off)\\s+(?:the\\s+)?pro\\s+(?:plan\\s+)?)?(?:down\\s+|back\\s+)?to\\s+(?:the\\s+)?free(?:\\s+(?:plan|version|tier|account))?(?![\\p{L}\\p{N}]|\\s+(?:shipping|delivery|returns?|gift))') },
  { tag: 'retention', language: 'de', pattern: words(
    'kündig\\w*|kuendig\\w*|(?:abo|abonnement|vertrag|mitgliedschaft|konto|kundenkonto)\\s+(?:beenden|auflösen|schließen|löschen|kündigen)' +
    '|(?:zu\\s+einem\\s+anderen\\s+anbieter|anbieter\\s+wechseln|wechsle\\s+zu|zur\\s+konkurrenz)') },
  { tag: 'retention', language: 'fr', pattern: words(
    "résili\\w*|resili\\w*|(?:fermer|clôturer|supprimer)\\s+mon\\s+compte|(?:annuler|arrêter|mettre\\s+fin\\s+à)\\s+(?:mon|l')\\s*abonnement" +
    '|(?:passer|partir)\\s+(?:chez|à)\\s+(?:un|la)\\s+concurren\\w*') },
  { tag: 'retention', language: 'es', pattern: words(
    'cancelar\\s+(?:mi|la)\\s+(?:suscripci[oó]n|membres[ií]a|cuenta|plan)|(?:dar(?:me)?|darse)\\s+de\\s+baja(?!\\s+(?:del?|de\\s+la|de\\s+los)\\s+(?:bolet[ií]n|newsletter|lista|correos|emails?|ofertas))' +
    '|cerrar\\s+(?:mi|la)\\s+cuenta|(?:irme|cambiarme|pasarme|pasar)\\s+a\\s+la\\s+competencia') },
  { tag: 'retention', language: 'it', pattern: words(
    "disdi\\w+|disdetta|chiudere\\s+(?:il\\s+mio\\s+|l')\\s*account|annullare\\s+l'\\s*abbonamento|(?:passare|passo)\\s+a\\s+(?:un|un\\s+altro)\\s+(?:concorrente|fornitore)") },
  { tag: 'retention', language: 'nl', pattern: words(
    'opzeg\\w*|zeg\\s+(?:mijn|ons)\\s+\\w+\\s+op|account\\s+(?:opheffen|verwijderen|sluiten)|abonnement\\s+(?:stopzetten|beëindigen)|overstappen\\s+naar|naar\\s+(?:een\\s+|de\\s+)?concurrent') },
  { tag: 'retention', language: 'pt', pattern: words(
    'cancelar\\s+a\\s+(?:minha\\s+)?(?:assinatura|subscrição)|encerrar\\s+a\\s+(?:minha\\s+)?conta|(?:mudar|passar)\\s+para\\s+(?:um|a)\\s+concorr\\w+|para\\s+a\\s+concorrência|rescindir') },
  { tag: 'retention', language: 'pl', pattern: words(
    'anulować\\s+subskrypcj\\w+|zrezygnować\\s+z\\s+(?:subskrypcji|usług|konta|abonamentu)|rezygnacj\\w+|(?:zamknąć|usunąć)\\s+konto|do\\s+konkurencji|wypowiedzieć\\s+umowę') },

  // Closing the account or going back to the free plan, in the words people use for it.
  { tag: 'retention', language: 'de', pattern: words(
    '(?:konto|kundenkonto|benutzerkonto|profil|account)\\s+(?:\\S+\\s+){0,5}(?:löschen|schließen|auflösen|deaktivieren|entfernen)|(?:lösch|schließ|deaktivier)\\w*\\s+sie\\s+(?:mein|unser)\\w*\\s+(?:\\w+)?konto' +
    '|(?:kündige|lösche|schließe)\\s+mein\\w*\\s+\\w*konto|zurück\\s+auf\\s+(?:\\S+\\s+){0,3}(?:kostenlos\\w*|gratis|free)|auf\\s+das\\s+kostenlose\\s+konto\\s+um|herabstuf\\w*|zurückstuf\\w*|(?:kostenlos\\w*|gratis|free)\\s+(?:\\S+\\s+){0,2}(?:umwandeln|umstellen)|stufen\\s+sie\\s+(?:\\S+\\s+){0,6}zurück|kaufe\\s+(?:hier|bei\\s+ihnen)\\s+nicht\\s+mehr') },
  { tag: 'retention', language: 'fr', pattern: words(
    "(?:supprimer|fermer|clôturer|désactiver|effacer)\\s+(?:définitivement\\s+)?(?:mon|le|notre)\\s+(?:espace\\s+client|compte)|(?:supprimez|fermez|clôturez|désactivez)\\s+mon\\s+(?:espace\\s+client|compte)" +
    "|(?:clôture|supprime|ferme)\\s+mon\\s+compte|désinscrire\\s+complètement|ne\\s+commanderai\\s+plus|(?:revenir|repasser|retourner|rétrograder|transformer)\\s+(?:\\S+\\s+){0,6}gratuit\\w*|(?:supprimer|fermer)\\s+(?:complètement\\s+)?(?:mon\\s+)?compte|compte\\s+(?:\\S+\\s+){0,6}le\\s+supprimer|(?:profil|compte)\\s+(?:\\S+\\s+){0,6}(?:effacés?|supprimés?)") },
  { tag: 'retention', language: 'es', pattern: words(
    '(?:eliminar|borrar|cerrar|desactivar)\\s+(?:definitivamente\\s+)?(?:mi|la)\\s+(?:cuenta|usuario|perfil)|(?:borrad|eliminad|cerrad|desactiven|desactivad|borren|eliminen|cierren)\\s+(?:mi\\s+)?(?:cuenta|usuario|perfil)' +
    '|doy\\s+de\\s+baja(?!\\s+(?:del?|de\\s+la|de\\s+los)\\s+(?:bolet[ií]n|newsletter|lista|correos|emails?|ofertas))|(?:elimino|cierro)\\s+mi\\s+cuenta|(?:borrar|eliminar|cerrar)\\s+cuenta|cuenta\\s+(?:\\S+\\s+){0,6}(?:elimínenla|bórrenla|eliminadla|borradla|ciérrenla)|borren\\s+(?:\\S+\\s+){0,3}mi\\s+cuenta|(?:volver|bajar|bajad|pasar|pasen|pasarme|convertir)\\s+(?:\\S+\\s+){0,6}(?:gratuit[ao]|gratis)') },
  { tag: 'retention', language: 'it', pattern: words(
    "(?:eliminare|cancellare|chiudere|disattivare)\\s+(?:definitivamente\\s+)?(?:il\\s+mio\\s+|l')\\s*(?:account|profilo)|(?:cancellate|eliminate|chiudete|disattivate)\\s+il\\s+mio\\s+(?:account|profilo)" +
    "|chiudo\\s+(?:\\S+\\s+){0,3}il\\s+mio\\s+account|(?:cancellare|eliminare|chiudere)\\s+account|account\\s+(?:\\S+\\s+){0,6}(?:eliminatelo|cancellatelo|chiudetelo)|(?:cancella|elimina|elimino)\\s+definitivamente\\s+(?:il\\s+mio\\s+|l')\\s*account|non\\s+comprerò\\s+più|(?:tornare|passare|riportate|trasformare)\\s+(?:\\S+\\s+){0,6}gratuit[oa]|(?:profilo|account)\\s+(?:\\S+\\s+){0,6}(?:cancellat[oi]|eliminat[oi])") },
  { tag: 'retention', language: 'nl', pattern: words(
    "(?:verwijder|sluit|deactiveer)\\w*\\s+(?:ik\\s+)?(?:mijn|m'n)\\s+\\w*account|\\w*account\\s+(?:\\S+\\s+){0,3}(?:verwijderen|verwijderd|opheffen|sluiten|deactiveren)|(?:profiel|account)\\s+(?:\\S+\\s+){0,6}(?:gewist|verwijderd)|van\\s+mijn\\s+account\\s+af" +
    '|zeg\\s+mijn\\s+\\w*account\\s+(?:\\w+\\s+){0,3}op|bestel\\s+hier\\s+niet\\s+meer|(?:terug\\s+naar|terug\\s+van|omzetten\\s+naar)\\s+(?:\\S+\\s+){0,6}gratis|account\\s+weg|\\w*account\\s+(?:\\S+\\s+){0,6}verwijder\\s+het') },
  { tag: 'retention', language: 'pt', pattern: words(
    '(?:apagar|eliminar|fechar|encerrar|desativar)\\s+(?:a\\s+)?(?:minha\\s+)?conta(?!\\s+(?:bancária|corrente))|(?:apaguem|eliminem|fechem|desativem|encerrem)\\s+a\\s+(?:minha\\s+)?conta' +
    '|(?:elimino|fecho)\\s+a\\s+minha\\s+conta|conta\\s+(?:\\S+\\s+){0,6}(?:eliminem-na|apaguem-na|fechem-na)|não\\s+volto\\s+a\\s+comprar|(?:voltar|passar|passem|transformar)\\s+(?:\\S+\\s+){0,6}(?:gratuit[ao]|grátis)|(?:perfil|conta)\\s+(?:\\S+\\s+){0,6}(?:apagad[oa]s?|eliminad[oa]s?)') },
  { tag: 'retention', language: 'pl', pattern: words(
    '(?:usun\\w+|zamkn\\w+|skasow\\w+|dezaktyw\\w+|zlikwid\\w+)\\s+(?:\\w+\\s+){0,3}konto|konta\\s+(?:\\S+\\s+){0,4}(?:je\\s+)?usunąć|(?:konto|profil)\\s+(?:\\S+\\s+){0,6}(?:usunąć|zamknąć|skasować|skasowane|usunięte)|rezygnuję\\s+z\\s+konta' +
    '|(?:wrócić|przejść|zmienić|zamienić|przełączyć)\\s+(?:\\S+\\s+){0,6}na\\s+darmow\\w+') },
  // complaint: anger, sarcasm, repeated failure, misleading claims
  { tag: 'complaint', language: 'en', pattern: words(
    '(?<!\\bnot\\s+a\\s+)complain\\w*|disappoint\\w*|unacceptable|not\\s+acceptable|ridiculous|disgrace\\w*|disgusting|appalling|shameful|outrageous' +
    '|terrible|horrible|awful|worst|useless|furious|livid|outraged|fed\\s+up|sick\\s+of|had\\s+enough|last\\s+straw|beyond\\s+a\\s+joke|is\\s+a\\s+joke' +
    '|misleading|false\\s+advertising|(?:third|fourth|fifth|3rd|4th|5th)\\s+(?:time|email|message)|thanks\\s+for\\s+nothing|said\\s+no\\s+one' +
    '|nobody\\s+(?:answers|replies|responds|calls|has\\s+(?:bothered|answered|replied|called))|no\\s+one\\s+(?:answers|replies|responds)|what\\s+a\\s+surprise' +
    '|(?:oh|wow)\\s*,?\\s+(?:great|brilliant|wonderful|lovely|fantastic|amazing)|very\\s+poor|really\\s+poor|rude|every\\s+single\\s+time|yet\\s+again') },
  { tag: 'complaint', language: 'de', pattern: words(
    'beschwer\\w*|unverschämt\\w*|frechheit|enttäuscht\\w*|inakzeptabel|katastroph\\w*|schlechte[rn]?\\s+service|skandal\\w*|verärgert|irreführend|unmöglich') },
  { tag: 'complaint', language: 'fr', pattern: words(
    'plainte|réclamation|inadmissible|inacceptable|scandaleu\\w*|honteu\\w*|déçue?|n\'importe\\s+quoi|trompeu\\w*|furieu\\w*|mécontent\\w*') },
  { tag: 'complaint', language: 'es', pattern: words(
    'queja|reclamaci[oó]n|inaceptable|vergüenza|vergonzoso|p[ée]sim[oa]|indignante|decepcionad\\w*|engañoso|hart[oa]|tomadura\\s+de\\s+pelo') },
  { tag: 'complaint', language: 'it', pattern: words(
    'reclamo|lamentela|vergogn\\w*|inaccettabile|pessim[oa]|delus[oa]|scandal\\w*|ingannevole|presa\\s+in\\s+giro|arrabbiat\\w*') },
  { tag: 'complaint', language: 'nl', pattern: words(
    'klacht|belachelijk|schandalig|onacceptabel|teleurgesteld|misleidend|waardeloos|slechte\\s+service|boos') },
  { tag: 'complaint', language: 'pt', pattern: words(
    'reclamação|queixa|inaceitável|vergonha|péssim[oa]|decepcionad\\w*|enganos\\w*|absurdo|falta\\s+de\\s+respeito') },
  { tag: 'complaint', language: 'pl', pattern: words(
    'skarg\\w*|skandal\\w*|oburzając\\w*|nie\\s+do\\s+przyjęcia|rozczarowan\\w*|wprowadzając\\w*\\s+w\\s+błąd|fataln\\w*|beznadziejn\\w*') },
  { tag: 'complaint', language: 'de', pattern: words(
    'sauer|zumutung|(?:am\\s+ende\\s+mit\\s+meiner|keine)\\s+geduld|geht\\s+gar\\s+nicht|schrott|unzufrieden|(?:echt|ganz|sehr)\\s+schwach|keine\\s+antwort\\s+seit|unglaublich|schon\\s+wieder|zum\\s+(?:dritten|vierten|fünften|x-ten)\\s+mal|(?:keiner|niemand)\\s+(?:meldet\\s+sich|antwortet|reagiert)|schlechte\\s+erfahrung|unmöglich') },
  { tag: 'complaint', language: 'fr', pattern: words(
    "en\\s+colère|catastrophe|nul(?:le)?\\b|honte|(?:troisième|quatrième|cinquième)\\s+fois|personne\\s+ne\\s+(?:répond|rappelle)|encore\\s+une\\s+erreur|perdu\\s+patience|insatisfait\\w*|je\\s+me\\s+plains|aucune\\s+réponse|arnaque|c'est\\s+pas\\s+possible") },
  { tag: 'complaint', language: 'es', pattern: words(
    'hart[oa]|lamentable|perdido\\s+la\\s+paciencia|esto\\s+no\\s+puede\\s+ser|insatisfech\\w*|desastre|me\\s+quejo|muy\\s+mal|sin\\s+respuesta|otra\\s+vez\\s+no|(?:tercera|cuarta|quinta)\\s+vez|nadie\\s+(?:contesta|responde|da\\s+la\\s+cara)|incre[ií]ble|estafa|otra\\s+vez\\s+(?:me|lo|la)|tan\\s+mal') },
  { tag: 'complaint', language: 'it', pattern: words(
    'stuf[oa]|indecente|perso\\s+la\\s+pazienza|insoddisfatt\\w*|disastro|mi\\s+lamento|nessuna\\s+risposta|di\\s+nuovo\\s+non|(?:terza|quarta|quinta)\\s+volta|nessuno\\s+(?:risponde|mi\\s+risponde)|incredibile|truffa|di\\s+nuovo\\s+mi|così\\s+male') },
  { tag: 'complaint', language: 'nl', pattern: words(
    'het\\s+zat|geduld\\s+is\\s+(?:echt\\s+)?op|dit\\s+kan\\s+(?:echt\\s+)?niet|ontevreden|een\\s+ramp|ik\\s+klaag|geen\\s+antwoord|weer\\s+is\\s+er|(?:derde|vierde|vijfde)\\s+keer|niemand\\s+reageert|een\\s+grap|diep\\s+triest|ongelooflijk|oplichterij|zo\\s+slecht|alweer\\s+(?:verkeerd|fout|kapot)') },
  { tag: 'complaint', language: 'pt', pattern: words(
    'fart[oa]|perdi\\s+(?:mesmo\\s+)?a\\s+paciência|isto\\s+não\\s+se\\s+faz|insatisfeit\\w*|um\\s+desastre|queixo-me|sem\\s+resposta|mais\\s+uma\\s+vez\\s+não|muito\\s+mau|(?:terceira|quarta|quinta)\\s+vez|ninguém\\s+responde|inacreditável|tão\\s+mal|burla|outra\\s+vez\\s+(?:mandaram|enviaram)|tão\\s+mau|desiludid\\w*') },
  { tag: 'complaint', language: 'pl', pattern: words(
    'mam\\s+dość|stracił\\w*\\s+cierpliwość|tak\\s+nie\\s+można|dramat|niezadowolon\\w*|katastrofa|brak\\s+odpowiedzi|znowu\\s+nic|składam\\s+reklamację|bardzo\\s+słabo|(?:trzeci|czwarty|piąty)\\s+raz|nikt\\s+nie\\s+odpowiada|porażka|żenada|niewiarygodne|tak\\s+źle|źle\\s+potraktowan\\w*|oszustwo|znowu\\s+(?:przyszło|przysłaliście)') },
  // Shouting: four or more capitalised words in a row ("THIS IS THE WORST"), case-sensitive on purpose.
  { tag: 'complaint', language: 'any', pattern: /(?:\b[A-Z]{2,}[A-Z'’]*[\s,.!?]+){3,}\b[A-Z]{2,}\b/u },

  // human requested
  { tag: 'human-requested', language: 'en', pattern: words(
    '(?:speak|talk|chat)\\s+(?:to|with)\\s+(?:a\\s+|an\\s+|your\\s+|some\\s+|one\\s+of\\s+your\\s+)?(?:real\\s+|actual\\s+|live\\s+)?(?:human|person|agent|manager|supervisor|representative|someone|somebody|staff|member\\s+of\\s+(?:staff|your\\s+team))' +
    '|(?:real|actual|live)\\s+(?:human|person|agent|support\\s+agent)|human\\s+(?:agent|being)|not\\s+a\\s+(?:bot|robot|machine)|(?:please|someone|somebody|you)\\s+(?:call|phone|ring)\\s+me(?:\\s+back)?|call\\s+me\\s+back' +
    '|escalate\\s+(?:this|it|my)|supervisor|team\\s+leader|human\\s+please|get\\s+me\\s+a\\s+human' +
    '|(?:read|handled|looked\\s+at|dealt\\s+with)\\s+by\\s+(?:a\\s+|an\\s+|one\\s+of\\s+your\\s+)?(?:real\\s+|actual\\s+)?(?:human|person|people|colleague)|human\\s+colleagues?' +
    '|(?:rather\\s+than|instead\\s+of|not)\\s+(?:be(?:ing)?\\s+)?(?:answered|fobbed\\s+off)\\s+(?:with|by)\\s+(?:a\\s+|an\\s+|another\\s+)?(?:standard|automatic|automated|template|canned|copy[- ]paste|bot)') },
  { tag: 'human-requested', language: 'de', pattern: words(
    'mit\\s+einem\\s+(?:echten\\s+|menschlichen\\s+)?(?:menschen|mitarbeiter|berater|vorgesetzten)|echte[nr]?\\s+(?:mensch\\w*|person|mitarbeiter\\w*)|rufen\\s+sie\\s+mich\\s+an|rückruf') },
  { tag: 'human-requested', language: 'fr', pattern: words(
    'parler\\s+à\\s+(?:un|une)\\s+(?:vrai|vraie|conseill\\w+|humain|personne|responsable)|conseiller\\s+humain|vraie\\s+personne|rappelez-moi') },
  { tag: 'human-requested', language: 'es', pattern: words(
    'hablar\\s+con\\s+(?:una\\s+persona|un\\s+humano|alguien|un\\s+agente|un\\s+supervisor|un\\s+responsable)|persona\\s+(?:de\\s+verdad|real)|llámenme') },
  { tag: 'human-requested', language: 'it', pattern: words(
    'parlare\\s+con\\s+(?:un\\s+operatore|una\\s+persona|un\\s+umano|qualcuno|un\\s+responsabile)|operatore\\s+umano|persona\\s+vera') },
  { tag: 'human-requested', language: 'nl', pattern: words(
    '(?:spreken|praten)\\s+met\\s+(?:een\\s+)?(?:echte\\s+)?(?:medewerker|mens|persoon|leidinggevende)|echte\\s+medewerker|bel\\s+me') },
  { tag: 'human-requested', language: 'pt', pattern: words(
    'falar\\s+com\\s+(?:um|uma)\\s+(?:atendente|pessoa|humano|supervisor)|atendente\\s+humano|pessoa\\s+real') },
  { tag: 'human-requested', language: 'pl', pattern: words(
    '(?:rozmawiać|porozmawiać|rozmowa|kontakt)\\s+z\\s+(?:prawdziwym\\s+)?(?:konsultantem|człowiekiem|osobą|kierownikiem)|nie\\s+z\\s+(?:botem|automatem)') },

  { tag: 'human-requested', language: 'de', pattern: words(
    'mit\\s+einem\\s+(?:richtigen\\s+)?mitarbeiter|richtige[nr]?\\s+mitarbeiter|mitarbeiter\\s+(?:mich\\s+)?anruft|automatische\\w*\\s+antwort\\w*|echten\\s+menschen|zurückrufen|mich\\s+(?:\\S+\\s+){0,2}anrufen|verbinden\\s+sie\\s+mich|mit\\s+jemandem\\s+(?:persönlich\\s+)?(?:reden|sprechen)' +
    '|(?:kein\\w*|nicht\\s+mit\\s+einem)\\s+(?:chat)?bot|vorgesetzten|ansprechpartner|berater\\s+ans\\s+telefon|mensch\\s+bitte|einem\\s+menschen') },
  { tag: 'human-requested', language: 'fr', pattern: words(
    "parler\\s+à\\s+(?:un|une)\\s+conseill\\w+|(?:un|une)\\s+(?:vrai|vraie)\\s+(?:personne|interlocuteur)|un\\s+(?:vrai\\s+)?humain|réponses\\s+automatiques|me\\s+(?:faire\\s+)?rappeler|rappelée?\\s+par|m'appeler|interlocuteur|conseiller\\s+m'appelle|(?:transmettre|passer)\\s+(?:\\w+\\s+){0,2}à\\s+un\\s+responsable" +
    "|quelqu'un\\s+(?:de\\s+votre\\s+équipe|au\\s+téléphone|directement)|pas\\s+(?:à\\s+)?(?:un|une|d'une?)\\s+(?:bot|robot|machine)|passez-moi\\s+quelqu'un") },
  { tag: 'human-requested', language: 'es', pattern: words(
    'hablar\\s+con\\s+un\\s+(?:agente|humano)|un\\s+humano\\s+de\\s+verdad|respuestas\\s+automáticas|una\\s+persona\\s+(?:real|de\\s+verdad|porfa|por\\s+favor)|(?:me\\s+llame|me\\s+llamara|llamarme|me\\s+puede\\s+llamar)|a\\s+un\\s+responsable|no\\s+(?:con\\s+)?(?:un|una)\\s+(?:bot|robot|máquina)' +
    '|alguien\\s+(?:de\\s+su\\s+equipo|por\\s+teléfono|directamente)|hablar\\s+con\\s+un\\s+bot|p[aá]s[ea]nme\\s+con|pónganme\\s+con|atender\\s+alguien|me\\s+puede\\s+atender') },
  { tag: 'human-requested', language: 'it', pattern: words(
    "parlare\\s+con\\s+un\\s+operatore|risposte\\s+automatiche|un\\s+(?:essere\\s+)?umano|persona\\s+vera|richiam\\w+|chiamarmi|mi\\s+(?:può|puoi|potete)\\s+chiamare|a\\s+un\\s+responsabile|non\\s+(?:con\\s+)?(?:un|una)\\s+(?:bot|macchina)|parlare\\s+con\\s+un\\s+bot" +
    "|qualcuno\\s+(?:del\\s+vostro\\s+team|al\\s+telefono|direttamente)|parlare\\s+direttamente\\s+con|mettetemi\\s+in\\s+contatto") },
  { tag: 'human-requested', language: 'nl', pattern: words(
    "met\\s+een\\s+medewerker\\s+spreken|automatische\\s+antwoorden|medewerker\\s+(?:me|mij)\\s+belt|echt\\s+(?:mens|aanspreekpunt)|terugbellen|terug\\s+te\\s+bellen|teruggebeld|(?:iemand|medewerker)\\s+(?:\\S+\\s+){0,2}bellen|me\\s+bellen|persoon\\s+van\\s+vlees|leidinggevende|geen\\s+(?:chat)?bot|geen\\s+automaat|aan\\s+de\\s+(?:lijn|telefoon)" +
    "|iemand\\s+persoonlijk|een\\s+mens\\b|mens\\s+graag|verbind\\s+me\\s+door") },
  { tag: 'human-requested', language: 'pt', pattern: words(
    'falar\\s+com\\s+um\\s+assistente|respostas\\s+automáticas|assistente\\s+me\\s+ligasse|pessoa\\s+real|um\\s+(?:ser\\s+)?humano|me\\s+(?:pode\\s+)?ligar|ligar-me|a\\s+um\\s+responsável|não\\s+(?:com\\s+|de\\s+)?um\\s+(?:robô|bot|máquina)|falar\\s+com\\s+um\\s+robô' +
    '|alguém\\s+(?:da\\s+vossa\\s+equipa|diretamente)|falar\\s+diretamente\\s+com|ponham-me\\s+em\\s+contacto|passar-me\\s+a\\s+alguém|me\\s+pode\\s+atender') },
  { tag: 'human-requested', language: 'pl', pattern: words(
    'z\\s+konsultantem|automatyczn\\w+\\s+odpowiedzi|konsultant\\s+zadzwonił|człowiek\\w*|prawdziw\\w+\\s+osob\\w+|oddzwoni\\w*|zadzwoni\\w*\\s+do\\s+mnie|do\\s+mnie\\s+zadzwoni\\w*|żyw\\w+\\s+(?:osob\\w+|człowiek\\w*)|kierownik\\w*|nie\\s+(?:z\\s+)?(?:bot\\w*|automat\\w*)|z\\s+botem' +
    '|porozmawiać\\s+z\\s+kimś|odebrać\\s+ode\\s+mnie\\s+telefon|połączyć\\s+mnie|połączenie\\s+z\\s+kimś') },
  // legal and compliance (GDPR in every language's abbreviation)
  { tag: 'legal-review', language: 'en', pattern: words(
    'gdpr|ccpa|data\\s+protection|subject\\s+access|dsar|right\\s+to\\s+(?:be\\s+forgotten|erasure|access|portability)|personal\\s+(?:data|information)' +
    '|(?:erase|delete|remove|wipe)\\s+(?:all\\s+)?(?:of\\s+)?my\\s+(?:personal\\s+)?data|all\\s+(?:of\\s+)?my\\s+data|lawyers?|attorneys?|solicitors?|lawsuits?|legal\\s+(?:action|advice|proceedings|department|team|notice|steps)' +
    '|sue|suing|court|small\\s+claims|chargebacks?|dispute\\s+(?:the|this|it)|disputing\\s+(?:the|this)\\s+(?:charge|payment)|card\\s+issuer|regulators?|ombudsman|trading\\s+standards|consumer\\s+protection|class\\s+action|cease\\s+and\\s+desist' +
    '|third\\s+part(?:y|ies)\\b[^.?!\\n]{0,40}\\b(?:share|sell|pass|data|details)|(?:share|sell|pass)\\w*\\s+my\\s+(?:details|data|information)\\s+(?:with|to|on)' +
    // Mail nobody agreed to: where the address came from is a question about the data's source and consent.
    '|(?:where|how)\\s+(?:did|do)\\s+you\\s+(?:get|got|obtain|find)\\s+(?:my|our)\\s+(?:e-?mail|address|details|data|number)|(?:where|how)\\s+did\\s+you\\s+get\\s+(?:consent|permission)|never\\s+(?:gave|given)\\s+(?:you\\s+)?(?:my\\s+)?(?:consent|permission)') },
  { tag: 'legal-review', language: 'de', pattern: words(
    'dsgvo|datenschutz\\w*|personenbezogene\\w*|anwalt|anwältin|rechtsanwalt\\w*|klage|verklagen|gericht|verbraucherzentrale|rückbuchung|art\\.?\\s*15') },
  { tag: 'legal-review', language: 'fr', pattern: words(
    'rgpd|avocat\\w*|poursuites?|tribunal|mise\\s+en\\s+demeure|protection\\s+des\\s+données|données\\s+personnelles|cnil|litige|opposition\\s+bancaire') },
  { tag: 'legal-review', language: 'es', pattern: words(
    'rgpd|abogad[oa]s?|demandar|tribunal|protecci[oó]n\\s+de\\s+datos|datos\\s+personales|denuncia\\w*|contracargo') },
  { tag: 'legal-review', language: 'it', pattern: words(
    'avvocat[oi]|tutela\\s+dei\\s+dati|protezione\\s+dei\\s+dati|dati\\s+personali|denunci\\w+|tribunale|garante\\s+(?:della\\s+)?privacy|vie\\s+legali') },
  // "AVG" only in capitals: lowercase "avg" is an English abbreviation of "average".
  { tag: 'legal-review', language: 'nl', pattern: /(?<![\p{L}\p{N}])AVG(?![\p{L}\p{N}])/u },
  { tag: 'legal-review', language: 'nl', pattern: words(
    'advocaat|rechter|rechtszaak|juridische\\s+stappen|persoonsgegevens|autoriteit\\s+persoonsgegevens|terugboeking') },
  { tag: 'legal-review', language: 'pt', pattern: words(
    'rgpd|lgpd|advogad[oa]|tribunal|processo\\s+judicial|proteção\\s+de\\s+dados|dados\\s+pessoais|estorno') },
  { tag: 'legal-review', language: 'pl', pattern: words(
    'rodo|prawnik\\w*|adwokat\\w*|sąd(?:u|em|zie|y|ów|ach|ami|owi|ow\\w+)|pozew|pozwać|ochron\\w+\\s+danych|dan\\w+\\s+osobow\\w+|uokik') },

  { tag: 'legal-review', language: 'de', pattern: words(
    '(?:meine|alle|sämtliche|welche)\\s+(?:personenbezogenen\\s+)?daten|auskunft\\s+(?:über|nach|gemäß)|widersprech\\w*|widerspruch|(?:adresse|daten)\\s+an\\s+(?:werbepartner|dritte)') },
  { tag: 'legal-review', language: 'fr', pattern: words(
    "mes\\s+données|données\\s+me\\s+concernant|confidentialité|je\\s+m'y\\s+oppose|je\\s+m'oppose|(?:coordonnées|informations)\\s+à\\s+des\\s+(?:tiers|partenaires)") },
  { tag: 'legal-review', language: 'es', pattern: words(
    'mis\\s+datos(?!\\s+(?:bancarios|de\\s+contacto|de\\s+env[ií]o))|privacidad|me\\s+opongo|no\\s+doy\\s+mi\\s+consentimiento|datos\\s+a\\s+terceros') },
  { tag: 'legal-review', language: 'it', pattern: words(
    'miei\\s+dati(?!\\s+bancari)|(?:sulla|della|alla|la\\s+mia|mia)\\s+privacy|(?:informativa|normativa|violazione)\\s+(?:sulla\\s+|della\\s+)?privacy|mi\\s+oppongo|gdpr|dati\\s+a\\s+terzi') },
  { tag: 'legal-review', language: 'nl', pattern: words(
    'mijn\\s+gegevens|gegevens\\s+(?:die\\s+u|bewaren|verwijderen|door\\s+aan)|privacyverklaring|bezwaar\\s+tegen|maak\\s+(?:ik\\s+)?bezwaar|inzage') },
  { tag: 'legal-review', language: 'pt', pattern: words(
    'meus\\s+dados(?!\\s+banc[aá]rios)|privacidade|oponho-me|dados\\s+a\\s+terceiros') },
  { tag: 'legal-review', language: 'pl', pattern: words(
    'moich\\s+danych|moje\\s+dane(?!\\s+(?:bankowe|kontaktowe))|polityk\\w+\\s+prywatności|sprzeciwiam\\s+się|nie\\s+wyrażam\\s+(?:na\\s+to\\s+)?zgody|danych\\s+osobom\\s+trzecim') },
  // account security
  { tag: 'security', language: 'en', pattern: words(
    'hack(?:ed|er|ers)?|compromised|unauthori[sz]ed|someone\\s+(?:else\\s+)?(?:has\\s+)?(?:logged|signed|got)\\s+in(?:to)?|stolen\\s+(?:account|card|password|identity)' +
    "|identity\\s+theft|phishing|fraud\\w*|scam|(?:did\\s+not|didn'?t|never)\\s+(?:make|place|authori[sz]e)\\s+(?:this|these|that|those)?\\s*(?:purchases?|orders?|charges?|payments?)" +
    "|login\\s+from|logged\\s+in\\s+from|not\\s+me|(?:fake|suspicious|genuine|legit)\\s+(?:email|e-mail|text|sms|message|link)|(?:email|e-mail|text|sms|message)\\b[^.?!\\n]{0,50}\\b(?:genuine|legit|fake|scam)|(?:email|e-mail|text|sms|message|call)\\b[^.?!\\n]{0,50}\\breal\\s*\\?|changed\\s+(?:my\\s+)?password\\s+(?:without|and\\s+i\\s+did)|someone\\s+(?:else\\s+)?(?:has\\s+)?(?:access|accessed|changed|used|is\\s+using)") },
  { tag: 'security', language: 'de', pattern: words(
    'gehackt|hacker|unbefugt\\w*|nicht\\s+ich|betrug\\w*|phishing|jemand\\s+hat\\s+sich\\s+(?:in|bei)\\s+mein\\w*\\s+konto' +
    '|nicht\\s+von\\s+mir|nie\\s+aufgegeben|war\\s+ich\\s+nicht|geknackt|(?:bestellung\\w*|käuf\\w*|zahlung\\w*|abbuchung\\w*)\\s+(?:\\S+\\s+){0,4}(?:die|den)\\s+ich\\s+nicht\\s+(?:kenne|erkenne|gemacht)|übernommen|fremde[rn]?\\s+(?:login|anmeldung|zugriff|adressen?)|ohne\\s+mein\\s+wissen|obwohl\\s+ich\\s+nichts|nie\\s+aufgegeben|(?:hat|haben)\\s+sich\\s+(?:\\w+\\s+){0,3}eingeloggt' +
    '|(?:konto|zugang)\\s+sperren|link\\s+(?:\\S+\\s+){0,8}passwort\\s+eingegeben') },
  { tag: 'security', language: 'fr', pattern: words(
    "compte\\s+(?:\\w+\\s+)?piraté\\w*|(?:été|est|suis)\\s+piraté\\w*|piratée\\w*|pirater|piratage|accès\\s+non\\s+autorisé|fraude\\w*|hameçonnage|quelqu'un\\s+(?:s'est\\s+connecté|a\\s+accédé|a\\s+utilisé)" +
    "|ce\\s+n'est\\s+pas\\s+moi|ce\\s+n'était\\s+pas\\s+moi|commandes\\s+(?:\\S+\\s+){0,2}que\\s+je\\s+(?:ne\\s+)?(?:connais|reconnais)\\s+pas|c'était\\s+pas\\s+moi|jamais\\s+passées?|compte\\s+a\\s+été\\s+volé|(?:connexion|activité)\\s+(?:suspecte|inconnue)|alors\\s+que\\s+je\\s+n'ai\\s+rien|s'est\\s+connecté|tapé\\s+mon\\s+mot\\s+de\\s+passe|bloquez") },
  { tag: 'security', language: 'es', pattern: words(
    'hackead\\w*|hackearon|acceso\\s+no\\s+autorizado|fraude|suplantaci[oó]n|alguien\\s+(?:ha\\s+entrado|entró|accedió|ha\\s+cambiado)' +
    '|no\\s+(?:fui|he\\s+sido|era)\\s+yo|yo\\s+no\\s+he\\s+(?:sido|hecho)|(?:compras|pedidos|cargos)\\s+(?:\\S+\\s+){0,2}que\\s+no\\s+(?:conozco|reconozco)|pirateado|no\\s+son\\s+míos|me\\s+han\\s+robado\\s+la\\s+cuenta|no\\s+hice|sin\\s+que\\s+yo|inicio\\s+de\\s+sesión\\s+(?:raro|extraño|sospechoso|desde)|me\\s+han\\s+hackeado|alguien\\s+entro|puse\\s+mi\\s+contraseña|bloquead|bloqueen') },
  { tag: 'security', language: 'it', pattern: words(
    "hackerat\\w*|accesso\\s+non\\s+autorizzato|senza\\s+autorizzazione|truffa|frode|qualcuno\\s+(?:è\\s+entrato|ha\\s+effettuato\\s+l'accesso|ha\\s+cambiato)" +
    "|non\\s+(?:sono\\s+stat[oa]|l'ho\\s+fatto|ho\\s+fatto|ero)\\s+io|violato\\s+l'\\s*account|(?:acquisti|ordini|addebiti)\\s+(?:\\S+\\s+){0,2}che\\s+non\\s+(?:conosco|riconosco)|non\\s+ho\\s+mai\\s+fatto|rubato\\s+l'account|senza\\s+che\\s+(?:io\\s+)?facessi|accesso\\s+(?:strano|sospetto)|notifica\\s+di\\s+accesso|messo\\s+la\\s+password|bloccatelo") },
  { tag: 'security', language: 'nl', pattern: words(
    'gehackt|onbevoegd\\w*|fraude|oplichting|iemand\\s+(?:heeft|is)\\s+(?:ingelogd|in\\s+mijn\\s+account)' +
    '|niet\\s+van\\s+mij|nooit\\s+(?:heb\\s+)?geplaatst|gekraakt|(?:aankopen|bestellingen|betalingen)\\s+(?:\\S+\\s+){0,2}die\\s+ik\\s+(?:\\S+\\s+){0,2}niet\\s+(?:ken|herken)|dat\\s+ben\\s+ik\\s+niet|was\\s+ik\\s+niet|nooit\\s+(?:heb\\s+)?gedaan|overgenomen|vreemde\\s+login|terwijl\\s+ik\\s+niets|(?:is|heeft)\\s+(?:\\w+\\s+){0,3}ingelogd|nieuw\\s+apparaat|wachtwoord\\s+ingevuld|blokkeer') },
  { tag: 'security', language: 'pt', pattern: words(
    'hackead\\w*|invadid\\w*|sem\\s+autorização|acesso\\s+não\\s+autorizado|fraude|alguém\\s+(?:acedeu|acessou|entrou)' +
    '|não\\s+(?:fui|era)\\s+eu|(?:compras|encomendas|pagamentos)\\s+(?:\\S+\\s+){0,2}que\\s+(?:eu\\s+)?não\\s+(?:conheço|reconheço)|nunca\\s+fiz|roubaram|sem\\s+eu\\s+(?:saber|fazer)|login\\s+(?:estranho|suspeito)|aviso\\s+de\\s+login|alguém\\s+entrou|meti\\s+a\\s+senha|bloqueiem') },
  { tag: 'security', language: 'pl', pattern: words(
    'włamał\\w*|włamani\\w*|zhakowan\\w*|nieautoryzowan\\w*|oszustw\\w*|ktoś\\s+(?:zalogował|zmienił|użył)' +
    '|nie\\s+(?:byłem|byłam)\\s+ja|nigdy\\s+nie\\s+złożył\\w*|(?:zakupy|zamówienia|płatności)[\\s,]+(?:\\S+\\s+){0,2}których\\s+(?:\\S+\\s+){0,2}nie\\s+znam|to\\s+nie\\s+ja|nie\\s+składał\\w*|których\\s+nie\\s+robił\\w*|przejął|przejęł\\w*|dziwne\\s+logowanie|logowani\\w+\\s+z\\s+nowego|wpisał\\w*\\s+hasło|zablokujcie|ktoś\\s+przejął') },

  // third party: asking about someone else's data
  { tag: 'third-party-data', language: 'en', pattern: words(
    `(?<!(?:to|at|for|via)\\s+)(?:my|our)\\s+${RELATIVES_EN}['’]s\\s+(?:account|orders?|address|details|data|purchases|email|phone|password|invoices?|history)` +
    `|(?:what|which|where)\\b[^.?!\\n]{0,40}\\bmy\\s+${RELATIVES_EN}\\b[^.?!\\n]{0,30}\\b(?:ordered|bought|purchased|placed|lives|address|orders)` +
    `|(?:address|email|phone\\s+number|orders?)\\s+(?:does\\s+)?(?:of\\s+|for\\s+)?my\\s+${RELATIVES_EN}\\s+(?:have|has|placed)` +
    "|someone\\s+else['’]s|another\\s+customer['’]s|other\\s+customers['’]?\\s+(?:data|details|orders|addresses)|on\\s+(?:her|his|their)\\s+account") },
  { tag: 'third-party-data', language: 'de', pattern: words(
    '(?:was|wohin|welche)\\b[^.?!\\n]{0,40}\\bmein\\w*\\s+(?:nachbar\\w*|frau|mann|ex|bruder|schwester|kolleg\\w*|mutter|vater|sohn|tochter)\\b[^.?!\\n]{0,40}\\bbestellt' +
    '|adresse\\s+(?:meine[rs]?|von\\s+meine\\w*)\\s+(?:nachbar\\w*|ex|bruder|schwester|kolleg\\w*)') },
  { tag: 'third-party-data', language: 'fr', pattern: words(
    "ce\\s+que\\s+mon\\s+(?:voisin|mari|ex|frère|collègue)|ce\\s+que\\s+ma\\s+(?:voisine|femme|sœur|collègue)|l'adresse\\s+de\\s+(?:mon|ma)\\s+(?:voisin|voisine|mari|femme|ex|frère|sœur|collègue|fils|fille|mère|père|copain|copine)") },
  { tag: 'third-party-data', language: 'es', pattern: words(
    'qu[eé]\\s+ha\\s+(?:comprado|pedido)\\s+mi\\s+\\w+|la\\s+direcci[oó]n\\s+de\\s+mi\\s+(?:hermano|hermana|vecino|vecina|ex|marido|mujer)') },
  { tag: 'third-party-data', language: 'it', pattern: words(
    'cosa\\s+ha\\s+ordinato\\s+(?:mio|mia)\\s+\\w+|indirizzo\\s+di\\s+(?:mio|mia)\\s+(?:marito|moglie|ex|fratello|sorella|vicin[oa]|collega|figli[oa]|madre|padre|fidanzat[oa])') },
  { tag: 'third-party-data', language: 'nl', pattern: words(
    'wat\\s+(?:mijn|m\'n)\\s+\\w+\\s+heeft\\s+besteld|adres\\s+van\\s+(?:mijn|m\'n)\\s+(?:buurman|buurvrouw|buren|man|vrouw|ex|broer|zus|collega|zoon|dochter|moeder|vader|vriend|vriendin)') },
  { tag: 'third-party-data', language: 'pt', pattern: words(
    'o\\s+que\\s+(?:o\\s+meu|a\\s+minha)\\s+\\w+\\s+(?:comprou|encomendou)|morada\\s+d[oa]\\s+(?:meu|minha)\\s+(?:vizinh[oa]|marido|mulher|ex|irmão|irmã|colega|filh[oa]|mãe|pai|namorad[oa])') },
  { tag: 'third-party-data', language: 'pl', pattern: words(
    'co\\s+(?:zamówił|zamówiła|kupił|kupiła)\\s+(?:mój|moja)\\s+\\w+|adres\\s+(?:mojego|mojej)\\s+(?:sąsiad\\w*|brata|siostry|męża|żony|byłego|byłej|kolegi|koleżanki|syna|córki)') },

  // refund: money back, compensation, discount, price match, fee waiver (requests, not policy questions)
  { tag: 'refund', language: 'en', pattern: words(
    "money\\s+back|refund\\s+(?:me|it|this|them|the\\s+(?:difference|full|delivery|shipping|duplicate|extra|fee)|my\\s+(?:money|payment|order|subscription))" +
    "|(?:want|would\\s+like|'d\\s+like|need|demand|expect|request|requesting|give\\s+me|claim|ask\\s+for|asking\\s+for|issue|deserve)\\s+(?:a\\s+|my\\s+|the\\s+|some\\s+|full\\s+|partial\\s+)*(?:refund|reimbursement|compensation|goodwill\\s+credit|credit\\s+note|voucher|discount)" +
    '|(?:get|have)\\s+(?:a\\s+|some\\s+|full\\s+|partial\\s+)+(?:refund|reimbursement|compensation|voucher|discount)|(?:want|like|have|get)\\s+(?:\\w+\\s+){0,4}refunded' +
    '|refund\\s+(?:request|please|pls)|(?:please|pls)\\s+refund|reimburse\\w*|compensat\\w+|price\\s+match\\w*|match\\s+(?:the|that|this|their)\\s+(?:lower\\s+)?price' +
    '|waive\\w*|(?:fee|charge|costs?)\\s+(?:waived|dropped|refunded)|credit\\s+(?:my\\s+card|me|it)\\s+back|knock\\s+\\w+\\s+off|partial\\s+refund|goodwill' +
    // a code asked for is a discount asked for ("could you just send me a one-off code?"); a login
    // or reset code is not ("send me a one-time code" is two-step sign-in)
    "|(?:send|give|offer|email)\\s+(?:me|us)\\s+(?:a\\s+|an\\s+)?(?:one-off\\s+code|(?:(?:one-off|special|small|little|student|loyalty)\\s+)*(?:discount|promo|promotional|coupon|voucher)\\s+code)") },
  // Other languages: asking for the money, not naming it. "Rückerstattung", "remboursement" or
  // "reembolso" alone are as often a policy question or a refund already under way ("wann kommt
  // meine Rückerstattung?"), which the English list also leaves alone.
  { tag: 'refund', language: 'de', pattern: words(
    '(?:will|möchte|möchten|hätte\\s+gerne?|verlange|fordere|brauche|bitte\\s+um|beantrage|erwarte|bestehe\\s+auf)\\s+(?:\\w+\\s+){0,4}?(?:geld\\s+zurück|rückerstattung|erstattung|entschädigung|gutschrift|rabatt|preisnachlass|kaufpreis\\s+zurück)' +
    '|(?:erstatten|überweisen)\\s+sie\\s+(?:mir|uns)|(?:sie|ihr)\\s+(?:mir\\s+)?(?:\\w+\\s+){0,3}(?:erstatten|zurückerstatten|zurücküberweisen)\\s*\\?|bitte\\s+(?:\\w+\\s+){0,4}(?:erstatten|zurückerstatten|zurücküberweisen)' +
    '|zurückerstattet\\s+(?:bekommen|haben)|mein\\s+geld\\s+(?:\\w+\\s+)?zurück|(?:den|meinen)\\s+betrag\\s+zurück|sondern\\s+(?:das|mein)\\s+geld\\s+zurück|geld\\s+zurück\\s+bitte|zurückbuchen|preisanpassung|gebühr\\s+erlassen') },
  { tag: 'refund', language: 'fr', pattern: words(
    "(?:veux|voudrais|souhaite|souhaiterais|demande|exige|réclame|aimerais)\\s+(?:\\w+\\s+){0,4}?(?:rembours\\w*|dédommag\\w*|indemnis\\w*|geste\\s+commercial|réduction|mon\\s+argent)" +
    "|rembourse[zr][- ]moi|remboursez\\s+(?:svp|s'il)|récupérer\\s+(?:le\\s+montant|mon\\s+argent|la\\s+somme)|me\\s+rembourser|récupérer\\s+mon\\s+argent|rendre\\s+mon\\s+argent|restituer\\s+le\\s+prix|sans\\s+remboursement|aligner\\s+le\\s+prix|annuler\\s+les\\s+frais") },
  { tag: 'refund', language: 'es', pattern: words(
    '(?:quiero|quisiera|exijo|solicito|pido|reclamo|necesito|me\\s+gustaría)\\s+(?:\\w+\\s+){0,4}?(?:reembols\\w*|devoluci[oó]n\\s+del\\s+(?:dinero|importe)|mi\\s+dinero|el\\s+dinero|indemnizaci[oó]n|compensaci[oó]n|descuento)' +
    '|devuélvanme|devolvedme|me\\s+devuelvan|reembolsadme|reembólsenme|reembólsenmelo|hagan\\s+el\\s+reembolso|tramit\\w+\\s+el\\s+reembolso|dinero\\s+de\\s+vuelta|recuperar\\s+(?:lo\\s+que\\s+pagué|el\\s+dinero|mi\\s+dinero|el\\s+importe)|devolved\\s+el\\s+dinero|me\\s+(?:podéis|pueden|podrían|podríais)\\s+(?:devolver|reembolsar)|igualar\\s+el\\s+precio') },
  { tag: 'refund', language: 'it', pattern: words(
    '(?:voglio|vorrei|esigo|chiedo|pretendo|rivoglio)\\s+(?:\\w+\\s+){0,4}?(?:rimbors\\w*|(?:i\\s+miei\\s+)?soldi|risarciment\\w*|indennizz\\w*|sconto|compensazione)' +
    '|rimborsatemi|ridatemi|riavere\\s+(?:i\\s+(?:miei\\s+)?soldi|quello\\s+che\\s+ho\\s+pagato|l\'importo)|restituitemi|soldi\\s+indietro|procedete\\s+(?:col|con\\s+il)\\s+rimborso|(?:potete|potreste)\\s+rimborsarmi|rivoglio') },
  { tag: 'refund', language: 'nl', pattern: words(
    '(?:wil|zou\\s+graag|eis|verlang|vraag\\s+om|verwacht)\\s+(?:\\w+\\s+){0,4}?(?:geld\\s+terug|terugbetaling|restitutie|vergoeding|compensatie|korting|aankoopbedrag\\s+terug)' +
    '|betaal\\s+(?:\\w+\\s+){0,2}(?:me|mij)\\s+(?:\\w+\\s+){0,3}terug|stort\\s+(?:\\w+\\s+){0,3}terug|(?:kunnen|kunt|wilt)\\s+(?:jullie|u)\\s+(?:\\w+\\s+){0,3}terugbetalen|geld\\s+terug\\s+graag|terugkrijgen\\s+wat\\s+ik\\s+(?:heb\\s+)?betaald|terugstorten') },
  { tag: 'refund', language: 'pt', pattern: words(
    '(?:quero|queria|gostaria\\s+de|exijo|peço|solicito)\\s+(?:\\w+\\s+){0,4}?(?:reembols\\w*|(?:o\\s+meu\\s+)?dinheiro|devolução\\s+do\\s+(?:dinheiro|valor)|indemniza\\w*|indeniza\\w*|compensação|desconto)' +
    '|reembolsem-me|devolvam-me|devolvam\\s+o\\s+dinheiro|reaver\\s+(?:o\\s+que\\s+paguei|o\\s+dinheiro|o\\s+valor)|devolver-me|façam\\s+o\\s+reembolso|tratem\\s+do\\s+reembolso|dinheiro\\s+de\\s+volta|me\\s+reembolsar') },
  { tag: 'refund', language: 'pl', pattern: words(
    '(?:chcę|chce|żądam|proszę\\s+o|poproszę\\s+o|domagam\\s+się|oczekuję)\\s+(?:\\w+\\s+){0,3}?(?:zwrot\\w*\\s+(?:pieniędzy|środków|kosztów|kasy|należności)|(?:moje\\s+)?pieniądze|rekompensat\\w*|odszkodowan\\w*|rabat\\w*|zniżk\\w*)' +
    '|oddajcie\\s+(?:\\w+\\s+)?(?:pieniądze|kas\\w+)|odzyskać\\s+(?:to,?\\s+co\\s+zapłaci\\w+|pieniądze)|zwrot\\w*\\s+(?:\\S+\\s+){0,2}(?:pobran\\w+\\s+)?płatności|zwróćcie\\s+(?:mi\\s+)?|zwrócić\\s+mi|(?:oddać|zwrócić)\\s+pieniądze') },
];

export interface WordListMatch {
  tag: EscalationModelTag;
  language: WordList['language'];
  match: string;
}

/**
 * Each list again with its letters folded, matched against the folded text: "kundigen", "resilier",
 * "wlamal" and "reclamacao" are how people type on a phone, and a list written with accents must
 * still hear them. Folding only touches letters, never the regular expression's own syntax.
 */
const FOLDED_PATTERNS: readonly RegExp[] = WORD_LISTS.map(({ pattern }) => new RegExp(foldLetters(pattern.source), globalFlags(pattern)));
const WRITTEN_PATTERNS: readonly RegExp[] = WORD_LISTS.map(({ pattern }) => new RegExp(pattern.source, globalFlags(pattern)));

function globalFlags(pattern: RegExp): string {
  return pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
}

/**
 * Said right before a listed phrase, these take it back: "No need for money back, a replacement is
 * fine", "I don't want a refund", "I'm not asking for compensation". Only directly before it, so "I
 * don't want to wait, I want my money back" still asks for money.
 */
// A listed phrase may hold its own verb ("want a refund", "asking for compensation"): then the
// negation stands right before it ("I don't want a refund", "I'm not asking for compensation").
const TAKEN_BACK =
  /(?:\b(?:no\s+need\s+(?:for|of|to)|(?:do\s+not|don'?t|dont)\s+(?:want|need)|not\s+(?:asking|looking)\s+for|(?:never|didn'?t|did\s+not)\s+ask(?:ed)?\s+for)(?:\s+(?:a|an|any|my|the|to))?|\b(?:do\s+not|don'?t|dont|doesn'?t|not|never))\s*$/i;

function firstStanding(pattern: RegExp, text: string): RegExpMatchArray | undefined {
  return firstMatch(text, pattern, (match) => !TAKEN_BACK.test(text.slice(Math.max(0, match.index - 40), match.index)));
}

/**
 * The first match of each tag, in the order of the lists above; as written first, then folded.
 * Text without a letter outside ASCII is its own folding, and a list's accented letters cannot
 * match it as written: there the folded list alone is asked, which halves the work on most mail.
 */
export function matchWordLists(text: string): WordListMatch[] {
  // Memoised per ticket (ticket-memo.ts): the independent view, the local model and the guard ask again.
  return memoised(matchWordLists, text, () => matchEveryList(text));
}

function matchEveryList(text: string): WordListMatch[] {
  const matches = new Map<EscalationModelTag, WordListMatch>();
  const ascii = !/[^\x00-\x7f]/.test(text);
  const folded = ascii ? text : foldLetters(text);
  WORD_LISTS.forEach(({ tag, language }, index) => {
    if (matches.has(tag)) return;
    const match = (ascii ? undefined : firstStanding(WRITTEN_PATTERNS[index]!, text)) ?? firstStanding(FOLDED_PATTERNS[index]!, folded);
    if (match) matches.set(tag, { tag, language, match: match[0] });
  });
  return [...matches.values()];
}
