/**
 * The escalation cues in German, French, Spanish, Italian, Dutch, Portuguese and Polish: the same
 * cue features as the English patterns of escalation-cues.ts, so that the tag model's cue weights
 * (learned mostly on English mail) read a sentence in any of the eight languages.
 *
 * Every pattern is written in folded letters (foldLetters: "zuruck" for "zurück", "nao" for "não",
 * "zlozylem" for "złożyłem") and matched against the folded, lowercased sentence, because people
 * type without accents as often as with them. The language of a sentence is not known here: each
 * cue is one alternation over the seven languages, whose words rarely collide.
 */
type Language = 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'pl';
type PerLanguage = Record<Language, string>;

/**
 * The cues named here, spelled as in escalation-cues.ts's CUE_NAMES (which imports this file, so
 * it checks the names on its side rather than this file importing its type back).
 */
export type ForeignCueName =
  | 'first-person-emotion'
  | 'sarcasm-frame'
  | 'repeated-contact'
  | 'long-wait'
  | 'second-person-blame'
  | 'denied-account-action'
  | 'stranger-on-account'
  | 'leaving-the-shop'
  | 'ending-the-relationship'
  | 'money-back-request'
  | 'asks-for-a-person'
  | 'data-rights-request';

/** Words for the polarity reader: negators, negative and positive words, intensifiers. */
export const FOREIGN_NEGATORS = words({
  de: 'nicht kein keine keinen keiner keinem nie niemals ohne',
  fr: 'ne pas jamais sans aucun aucune',
  es: 'nunca sin ningun ninguna ni',
  it: 'non mai senza nessun nessuna',
  nl: 'niet geen nooit zonder',
  pt: 'nao sem nenhum nenhuma',
  pl: 'nie bez nigdy zaden zadna zadnej',
});

/** Negative words that negate like "nothing" and "nobody": "nichts kaputt" is calm, "nichts" alone is not. */
export const FOREIGN_NOTHING = words({
  de: 'nichts niemand',
  fr: 'rien',
  es: 'nada nadie',
  it: 'niente nulla nessuno',
  nl: 'niets niks niemand',
  pt: 'nada ninguem',
  pl: 'nic nikt',
});

export const FOREIGN_NEGATIVE = words({
  de: 'kaputt defekt beschadigt falsch falsche falschen verloren verspatet schlecht schlechte fehlt fehlen enttauscht enttauschend sauer wutend unzufrieden mangelhaft zerbrochen gerissen gerissenem zerkratzt argerlich',
  fr: 'casse cassee abime abimee perdu perdue retard faux fausse mauvais mauvaise decu decue decevant furieux furieuse nul nulle enerve enervee dechire dechiree manquant raye rayee',
  es: 'roto rota danado danada perdido perdida retraso equivocado equivocada malo mala decepcionado decepcionada molesto molesta enfadado enfadada harto harta defectuoso rayado',
  it: 'rotto rotta danneggiato danneggiata perso persa ritardo sbagliato sbagliata deluso delusa arrabbiato arrabbiata graffiato graffiata difettoso stufo stufa',
  nl: 'kapot beschadigd beschadigde kwijt vertraging verkeerd verkeerde slecht slechte teleurgesteld boos spuugzat defect gekrast',
  pt: 'partido partida estragado estragada atraso errado errada mau desiludido desiludida chateado chateada farto farta avariado avariou riscado',
  pl: 'zepsuty zepsuta zepsul zepsula uszkodzony uszkodzona zgubiona zgubiony zaginela opoznienie zly zla zle rozczarowany rozczarowana zdenerwowany zdenerwowana wsciekly wsciekla peknietym pekniety porysowany',
});

export const FOREIGN_POSITIVE = words({
  de: 'toll prima klasse danke zufrieden perfekt froh glucklich wunderbar spitze',
  fr: 'genial geniale merci content contente parfait parfaite excellent ravi ravie bravo formidable',
  es: 'gracias perfecto perfecta contento contenta estupendo maravilla genial fenomenal',
  it: 'grazie perfetto perfetta ottimo contento contenta felice complimenti fantastico',
  nl: 'fijn bedankt tevreden geweldig prima perfect heerlijk',
  pt: 'obrigado obrigada otimo perfeito perfeita maravilha contente feliz fantastico',
  pl: 'dziekuje dzieki swietnie idealnie zadowolony zadowolona doskonale super',
});

export const FOREIGN_INTENSIFIERS = words({
  de: 'sehr wirklich echt absolut vollig ganz extrem',
  fr: 'tres vraiment totalement completement absolument franchement',
  es: 'muy realmente totalmente completamente bastante francamente',
  it: 'molto davvero veramente totalmente completamente proprio',
  nl: 'erg echt zeer ontzettend totaal behoorlijk',
  pt: 'muito realmente totalmente completamente mesmo bastante',
  pl: 'bardzo naprawde calkowicie zupelnie totalnie',
});

/** A bad event after a positive word: what turns "Génial" into sarcasm ("Génial, encore un colis perdu"). */
export const FOREIGN_BAD_EVENT = pattern({
  de: 'schon wieder|wieder|noch ein\\w*|zum \\w+ mal|ohne|nie',
  fr: 'encore|de nouveau|une fois de plus|sans|jamais',
  es: 'otra vez|de nuevo|otro|otra|sin|nunca',
  it: 'di nuovo|un altro|un\'altra|ancora|senza|mai',
  nl: 'weer|alweer|nog een|zonder|nooit',
  pt: 'outra vez|de novo|mais um|mais uma|sem|nunca',
  pl: 'znowu|znow|kolejn\\w+|ponownie|bez|nigdy',
});

/** Objects of an account action, for the denial and stranger cues (as ACCOUNT_OBJECT in English). */
export const FOREIGN_ACCOUNT_OBJECT = pattern({
  de: 'konto|kundenkonto|bestellung\\w*|karte|passwort|code\\w*|anmeldung|login|e-?mail|adresse|zahlung\\w*|abbuchung\\w*|punkte',
  fr: 'compte|commandes?|carte|mot de passe|codes?|connexion|e-?mail|adresse|paiements?|points',
  es: 'cuenta|pedidos?|tarjeta|contrasena|codigos?|sesion|correo|direccion|pagos?|cargos?|puntos',
  it: 'account|ordin[ei]|carta|password|codic[ei]|accesso|e-?mail|indirizzo|pagament[oi]|addebit[oi]|punti',
  nl: 'account|bestelling\\w*|kaart|wachtwoord|codes?|inlog|e-?mail|adres|betaling\\w*|punten',
  pt: 'conta|encomendas?|cartao|senha|codigos?|login|e-?mail|morada|endereco|pagamentos?|pontos',
  pl: 'kont\\w*|koncie|zamowieni\\w*|kart\\w*|hasl\\w*|kod\\w*|logowani\\w*|e-?mail\\w*|adres\\w*|platnos\\w*|punkt\\w*',
});

/** A third person, and words that send them a parcel rather than ask about them ("chez ma sœur"). */
export const FOREIGN_THIRD_PERSON = pattern({
  de: '(?:mein|meine|meinem|meiner|meines|meinen) (?:nachbar\\w*|schwester|bruder|frau|mann|ex\\w*|mutter|vater|sohn|tochter|kolleg\\w*|freund\\w*|partner\\w*|chef\\w*|mitbewohner\\w*)',
  fr: '(?:mon|ma|mes) (?:voisin\\w*|soeur|frere|femme|mari|ex|mere|pere|fils|fille|collegue|ami\\w*|copain|copine|associe\\w*|colocataire)',
  es: '(?:mi|mis) (?:vecin[oa]|herman[oa]|mujer|marido|ex\\w*|madre|padre|hij[oa]|companer[oa]|amig[oa]|novi[oa]|soci[oa]|jefe)',
  it: '(?:mio|mia|miei|mie) (?:vicin[oa]|sorella|fratello|moglie|marito|ex|madre|padre|figli[oa]|collega|amic[oa]|fidanzat[oa]|socio|capo)',
  nl: '(?:mijn|m\'n) (?:buurman|buurvrouw|zus|broer|vrouw|man|ex|moeder|vader|zoon|dochter|collega|vriend\\w*|partner|baas|huisgenoot)',
  pt: '(?:o meu|a minha|meu|minha) (?:vizinh[oa]|irma|irmao|mulher|marido|ex|mae|pai|filh[oa]|colega|amig[oa]|namorad[oa]|soci[oa]|chefe)',
  pl: '(?:moj|moja|mojego|mojej|mojemu) (?:sasiad\\w*|siostr\\w*|brat\\w*|zon\\w*|maz\\w*|byl\\w*|mam\\w*|matk\\w*|ojc\\w*|ojciec|syn\\w*|cork\\w*|kolez\\w*|koleg\\w*|przyjaci\\w*|szef\\w*|wspollokator\\w*)|zona|maz',
});

/** What is asked about: a purchase, an address, a number, an account. */
export const FOREIGN_THEIR_DATA = pattern({
  de: 'bestellt|bestellung\\w*|gekauft|ausgegeben|adresse|telefonnummer|nummer|e-?mail|konto|hinterlegt',
  fr: 'commande\\w*|achete\\w*|depense\\w*|adresse|numero|telephone|e-?mail|compte',
  es: 'pedido|pedidos|comprado|gastado|direccion|telefono|correo|cuenta',
  it: 'ordinato|ordin[ei]|comprato|speso|indirizzo|telefono|e-?mail|account',
  nl: 'besteld|bestelling\\w*|gekocht|uitgegeven|adres|telefoonnummer|e-?mail|account',
  pt: 'encomendou|encomenda\\w*|comprou|gastou|morada|endereco|telefone|e-?mail|conta',
  pl: 'zamowil\\w*|zamowieni\\w*|kupil\\w*|wydal\\w*|adres\\w*|numer\\w*|telefon\\w*|e-?mail\\w*|kon(?:to|cie)',
});

export const FOREIGN_DATA_REQUEST = pattern({
  de: 'sagen sie|nennen sie|geben sie|konnen sie mir|was|welche\\w*|wohin|wie viel|wann|bitte',
  fr: 'pouvez-vous|pourriez-vous|donner|dire|qu\'a|quel\\w*|ou|combien|quand',
  es: 'me pueden|me podeis|decir|dar|que|cual|cuanto|donde|cuando',
  it: 'mi dite|potete|dirmi|darmi|cosa|quale|quanto|dove|quando',
  nl: 'kunt u|kunnen jullie|vertellen|geven|wat|welk\\w*|hoeveel|waar|wanneer',
  pt: 'podem|pode|dizer|dar|o que|qual|quanto|onde|quando',
  pl: 'czy mozecie|prosze|podac|powiedziec|co|jaki\\w*|ile|gdzie|kiedy',
});

/**
 * The person's own account or name as where an order was placed ("con il suo account", "avec son
 * propre compte"): the order is theirs, not the writer's.
 */
export const FOREIGN_THEIR_OWN_ACCOUNT = pattern({
  de: '(?:mit|uber|auf|von) (?:ihrem|seinem|ihr|sein) (?:eigenen? )?(?:konto|account|namen)|auf (?:ihren|seinen) namen|hat ein (?:eigenes )?(?:konto|kundenkonto|account)',
  fr: '(?:avec|sur|depuis|a) son (?:propre )?(?:compte|nom)|a un compte',
  es: '(?:con|en|desde|a) su (?:propia )?(?:cuenta|nombre)|tiene una cuenta',
  it: '(?:con|sul|dal|a) (?:il )?suo (?:account|conto|nome)|a nome su[oa]|ha un account',
  nl: '(?:met|op|via|vanaf) (?:haar|zijn) (?:eigen )?(?:account|naam)|heeft een account',
  pt: '(?:com|na|pela|em) (?:a )?sua (?:propria )?conta|(?:na|pela) conta del[ae]|em nome del[ae]|tem uma conta',
  pl: 'na (?:swoim|jej|jego) (?:wlasnym )?koncie|na (?:swoje|jej|jego) nazwisko|ma konto',
});

/**
 * A relative's own purchase, told as theirs: "mein Mann hat ... bestellt", "ma fille a commande",
 * "mi madre hizo un pedido", "mia sorella ha ordinato", "mijn moeder heeft ... besteld", "a minha mae
 * encomendou", "moja mama zamowila". With a question about it, the order is someone else's.
 */
export const FOREIGN_OWNER_PURCHASE = pattern({
  de: '(?:mein|meine) (?:nachbar\\w*|schwester|bruder|frau|mann|mutter|vater|sohn|tochter|kolleg\\w*|freund\\w*|partner\\w*|oma|opa|chef\\w*) (?:\\w+ ){0,8}?(?:hat|hatte) (?:\\w+ ){0,8}?(?:bestellt|gekauft|zuruckgeschickt|storniert)',
  fr: '(?:mon|ma) (?:voisin\\w*|soeur|frere|femme|mari|mere|pere|fils|fille|collegue|ami\\w*|copain|copine|grand-mere|grand-pere|compagn\\w+) (?:\\w+ ){0,6}?a (?:\\w+ ){0,2}?(?:commande|achete|passe (?:une )?commande|renvoye|annule)',
  es: 'mi (?:vecin[oa]|herman[oa]|mujer|marido|esposa|madre|padre|hij[oa]|companer[oa]|amig[oa]|novi[oa]|abuel[oa]|jefe) (?:\\w+ ){0,6}?(?:hizo (?:un|el) pedido|pidio|compro|ha (?:hecho (?:un )?pedido|pedido|comprado|devuelto|cancelado))',
  it: '(?:mio|mia) (?:vicin[oa]|sorella|fratello|moglie|marito|madre|padre|figli[oa]|collega|amic[oa]|fidanzat[oa]|nonn[oa]|capo) (?:\\w+ ){0,6}?ha (?:\\w+ ){0,2}?(?:ordinato|comprato|acquistato|fatto (?:un )?ordine|reso|annullato)',
  nl: "(?:mijn|m'n) (?:buurman|buurvrouw|zus|broer|vrouw|man|moeder|vader|zoon|dochter|collega|vriend\\w*|partner|oma|opa|baas) (?:\\w+ ){0,8}?(?:heeft|had) (?:\\w+ ){0,8}?(?:besteld|gekocht|teruggestuurd|geannuleerd)",
  pt: '(?:o meu|a minha|meu|minha) (?:vizinh[oa]|irma|irmao|mulher|marido|esposa|mae|pai|filh[oa]|colega|amig[oa]|namorad[oa]|avo|chefe) (?:\\w+ ){0,6}?(?:encomendou|comprou|fez (?:uma|a) encomenda|devolveu|cancelou)',
  pl: '(?:moj|moja) (?:sasiad\\w*|siostr\\w*|brat\\w*|zon\\w*|maz\\w*|mam\\w*|matk\\w*|ojc\\w*|ojciec|syn\\w*|cork\\w*|kolez\\w*|koleg\\w*|przyjaci\\w*|babci\\w*|szef\\w*) (?:\\w+ ){0,6}?(?:zamowil\\w*|kupil\\w*|zwrocil\\w*|anulowal\\w*)',
});

/** A delivery to the person, or the customer's own order: not a question about someone else's data. */
export const FOREIGN_OWN_BUSINESS = pattern({
  de: 'liefern|zustellen|versenden|an die adresse|an meine\\w*|zu meine\\w*|bei meine\\w*|fur meine\\w*|ich (?:habe )?(?:\\w+ ){0,3}(?:bestellt|aufgegeben)|die ich \\w+|gebeten|gemeinsam\\w*|meine\\w* (?:bestellung|konto)',
  fr: 'livrer|livrez|expedier|expediez|chez (?:mon|ma)|pour (?:mon|ma)|a (?:mon|ma) |que j\'ai|m\'a demande|commun|(?:ma|mon) (?:commande|compte)',
  es: 'entregar|entreguen|envia\\w* el paquete|envien el paquete|a casa de|para (?:mi|mis)|que hice|que (?:yo )?he hecho|me pidio|me ha pedido|compartid\\w+|mi (?:pedido|cuenta)',
  it: 'spedite|spedire|consegnare|consegnate|a casa d\\w*|per (?:mio|mia)|che ho fatto|che ho ordinato|mi ha chiesto|condivis\\w+|(?:il mio|mio) (?:ordine|account)',
  nl: 'bezorgen|bezorg|leveren|bij (?:mijn|m\'n)|voor (?:mijn|m\'n)|die ik|vroeg me|vroeg mij|gedeeld\\w*|samen|mijn (?:bestelling|account)',
  pt: 'entregar|entreguem|envi\\w+ para|para casa d\\w*|para (?:o meu|a minha)|que fiz|que eu fiz|pediu-me|me pediu|partilhad\\w+|(?:a minha|minha) (?:encomenda|conta)',
  pl: 'dostarczyc|dostarczcie|wysla\\w* paczk\\w*|wyslijcie|do (?:mojej|mojego)|dla (?:mojej|mojego)|ktore zlozyl\\w*|poprosil\\w* mnie|wspoln\\w+|moje (?:zamowienie|konto)|moim koncie',
});

/** One pattern per cue, as the English ones in escalation-cues.ts. */
export const FOREIGN_CUE_PATTERNS: Record<ForeignCueName, RegExp> = {
  'data-rights-request': pattern({
    de: '(?:alle|samtliche) (?:meine )?daten (?:\\w+ )?(?:loschen|entfernen)|(?:loschen|entfernen) sie (?:bitte )?(?:alle |samtliche )?(?:meine )?daten|meine daten (?:\\w+ )?(?:loschen|entfernen)|vergessen sie mich|welche daten (?:\\w+ ){0,3}uber mich|auskunft uber (?:meine|die) (?:gespeicherten )?daten',
    fr: '(?:supprim|effac)\\w* (?:toutes )?mes donnees|oubliez-moi|quelles (?:donnees|informations) (?:\\w+ ){0,3}sur moi',
    es: '(?:borr|elimin|suprim)\\w* (?:todos )?mis datos|olvid\\w+me|que datos (?:\\w+ ){0,3}sobre mi',
    it: '(?:cancell|elimin)\\w* (?:tutti )?i miei dati|dimenticatemi|quali dati (?:\\w+ ){0,3}su di me',
    nl: '(?:verwijder|wis)\\w* (?:al )?mijn gegevens|mijn gegevens (?:\\w+ )?(?:verwijderen|wissen)|welke gegevens (?:\\w+ ){0,3}over mij',
    pt: '(?:apag|elimin)\\w* (?:todos )?os meus dados|esquecam-me|que dados (?:\\w+ ){0,3}sobre mim',
    pl: 'usun\\w* (?:wszystkie )?moje dane|zapomnijcie o mnie|jakie dane (?:\\w+ ){0,3}o mnie',
  }),
  'first-person-emotion': pattern({
    de: 'ich bin (?:\\w+ ){0,3}(?:enttauscht|verargert|sauer|wutend|unzufrieden|frustriert|genervt)|(?:mit meiner|keine) geduld|beschwerde|es reicht|reicht mir',
    fr: 'je suis (?:\\w+ ){0,3}(?:decue?|furieu(?:x|se)|en colere|mecontente?|enervee?|frustree?)|j\'en ai marre|ras le bol|patience|plainte',
    es: 'estoy (?:\\w+ ){0,3}(?:molest[oa]|enfadad[oa]|hart[oa]|decepcionad[oa]|indignad[oa]|frustrad[oa])|paciencia|queja',
    it: 'sono (?:\\w+ ){0,3}(?:delus[oa]|arrabbiat[oa]|stuf[oa]|furios[oa]|indignat[oa]|frustrat[oa])|pazienza|lamentela',
    nl: 'ik ben (?:\\w+ ){0,3}(?:teleurgesteld|boos|spuugzat|woedend|ontevreden|gefrustreerd|het zat)|mijn geduld|klacht',
    pt: 'estou (?:\\w+ ){0,3}(?:desiludid[oa]|chatead[oa]|fart[oa]|furios[oa]|indignad[oa]|frustrad[oa])|paciencia|queixa',
    pl: 'jestem (?:\\w+ ){0,3}(?:rozczarowan[ya]|zdenerwowan[ya]|wsciekl[ya]|zawiedzion[ya]|sfrustrowan[ya])|mam dosc|cierpliwosc|skarg\\w+',
  }),
  'sarcasm-frame': pattern({
    de: 'na (?:toll|super|prima|klasse)|vielen dank auch|danke fur nichts',
    fr: 'merci pour rien|merci du cadeau|bravo pour',
    es: 'gracias por nada|que maravilla|de maravilla',
    it: 'grazie (?:per|di) niente|complimenti per|che meraviglia',
    nl: 'bedankt voor (?:niks|niets)|fijn hoor|lekker dan',
    pt: 'obrigad[oa] por nada|que maravilha',
    pl: 'dzieki za nic|dziekuje za nic|no super|no pieknie|brawo',
  }),
  'repeated-contact': pattern({
    de: '(?:zweite|dritte|vierte|funfte)[nrs]? (?:mal|mail|e-mail|nachricht|anfrage)|zum (?:zweiten|dritten|vierten|x-ten) mal|schon wieder|(?:bereits|schon) (?:\\w+ ){0,3}(?:geschrieben|angerufen|gemeldet|reklamiert|nachgefragt)|wie oft (?:noch )?|(?:immer|noch) (?:noch|immer) (?:nicht|keine?|nichts)|genau wie (?:beim )?letzte|jede\\w* (?:lieferung|bestellung|mal)|jedes mal',
    fr: '(?:deuxieme|troisieme|quatrieme|cinquieme) (?:fois|mail|e-mail|message|relance)|deja (?:\\w+ ){0,3}(?:ecrit|appele|signale|relance|contacte)|combien de fois|toujours (?:rien|pas|aucune?)|encore une fois|une fois de plus|a chaque fois|chaque fois',
    es: '(?:segunda|tercera|cuarta|quinta) vez|(?:segundo|tercer|cuarto) (?:correo|mensaje|email)|ya (?:\\w+ ){0,2}(?:escrito|escribi|llamado|llame|reclamado|avisado)|cuantas veces|sigo sin|todavia (?:no|nada|sin)|otra vez|cada vez que',
    it: '(?:seconda|terza|quarta|quinta) volta|(?:secondo|terzo|quarto) (?:messaggio|email|sollecito)|(?:dopo|ai miei) (?:due|tre|quattro) messaggi|gia (?:\\w+ ){0,2}(?:scritto|chiamato|segnalato|sollecitato)|quante volte|ancora (?:niente|nessun\\w*)|di nuovo|ogni volta',
    nl: '(?:tweede|derde|vierde|vijfde) (?:keer|mail|bericht)|al (?:\\w+ ){0,2}(?:gemaild|gebeld|gemeld|geschreven)|hoe vaak|nog steeds (?:niet|geen|niets)|alweer|(?:vorige|eerdere) (?:twee|drie|vier) (?:mails|berichten)|(?:elke|iedere) keer',
    pt: '(?:segunda|terceira|quarta|quinta) vez|(?:segundo|terceiro|quarto) (?:e-?mail|contacto|pedido)|ja (?:\\w+ ){0,2}(?:escrevi|liguei|reclamei|contactei)|quantas vezes|continuo sem|ainda (?:nada|sem)|mais uma vez|outra vez|todas as vezes|sempre que',
    pl: '(?:drugi|trzeci|czwarty|piaty) raz|(?:drugi|trzeci|czwarty) (?:e-?mail|mail|wiadomosc)|juz (?:\\w+ ){0,2}(?:pisal\\w*|dzwonil\\w*|zglaszal\\w*)|ile razy|(?:nadal|wciaz) (?:nic|brak)|znowu|ponownie|za kazdym razem',
  }),
  'long-wait': pattern({
    de: '\\w+ (?:tage|wochen) fur (?:ein|eine|einen|die|das|den)|seit (?:\\w+ )?(?:tagen|wochen|monaten)|warte (?:\\w+ )?seit|(?:\\d+|zwei|drei|vier|funf|zehn) (?:tage|wochen) (?:zu spat|verspatet|warten)',
    fr: '\\w+ (?:jours|semaines) pour (?:un|une|des|le|la|les|mon|ma)|depuis (?:\\d+|deux|trois|quatre|cinq|dix|plus de \\w+) (?:jours|semaines|mois)|j\'attends depuis',
    es: '\\w+ (?:dias|semanas) para (?:un|una|unos|unas|el|la|mi)|desde hace (?:\\d+|dos|tres|cuatro|diez) (?:dias|semanas)|llevo (?:\\d+|dos|tres|cuatro|diez) (?:dias|semanas)|(?:dias|semanas) de retraso',
    it: '\\w+ (?:giorni|settimane) per (?:un|una|uno|il|la|mio|mia)|da (?:\\d+|due|tre|quattro|dieci) (?:giorni|settimane)|aspetto da|(?:giorni|settimane) di ritardo',
    nl: '\\w+ (?:dagen|weken) voor (?:een|de|het|mijn)|al (?:\\d+|twee|drie|vier|tien) (?:dagen|weken)|wacht al|(?:dagen|weken) te laat',
    pt: '\\w+ (?:dias|semanas) para (?:um|uma|o|a|meu|minha)|ha (?:\\d+|dois|duas|tres|quatro|dez) (?:dias|semanas)|espero ha|(?:dias|semanas) de atraso',
    pl: '\\w+ (?:dni|tygodni|tygodnie) na (?:\\w+ )?(?:pare|jeden|jedna|moje|moja)|od (?:\\d+|dwoch|trzech|czterech|dziesieciu) (?:dni|tygodni)|czekam (?:juz|od)|(?:dni|tygodni) spoznienia',
  }),
  'second-person-blame': pattern({
    de: '(?:ihr habt|sie haben) (?:\\w+ ){0,3}(?:verloren|vergessen|verwechselt|ignoriert|kaputt)',
    fr: 'vous avez (?:\\w+ ){0,3}(?:perdu|oublie|casse|ignore|confondu)',
    es: '(?:habeis|han|ustedes) (?:\\w+ ){0,2}(?:perdido|olvidado|roto|ignorado|equivocado)',
    it: 'avete (?:\\w+ ){0,2}(?:perso|dimenticato|rotto|ignorato|sbagliato)',
    nl: 'jullie hebben (?:\\w+ ){0,3}(?:verloren|vergeten|kapot|genegeerd|verkeerd)',
    pt: 'voces (?:\\w+ ){0,2}(?:perderam|esqueceram|partiram|ignoraram)|perderam|enganaram-se',
    pl: '(?:zgubiliscie|zapomnieliscie|zepsuliscie|zignorowaliscie|pomyliliscie)',
  }),
  'denied-account-action': pattern({
    de: '(?:nie|nicht) (?:\\w+ ){0,2}(?:aufgegeben|bestellt|gemacht|gekauft|autorisiert|eingelost|angefordert)|(?:das )?war ich nicht|nicht von mir|ohne mein wissen|die ich nicht (?:kenne|erkenne|zuordnen kann)',
    fr: 'jamais (?:\\w+ ){0,2}(?:passee?s?|commandee?s?|faite?s?|demandee?s?)|ce n\'(?:est|etait) pas moi|pas moi|sans mon (?:accord|autorisation)|que je n\'ai (?:pas|jamais) (?:demande|fait|passe)\\w*|que je ne (?:re)?connais pas',
    es: 'nunca (?:he )?(?:hecho|pedido|comprado|solicitado)|no (?:he sido|fui|era) yo|que no he (?:pedido|hecho|solicitado)|no he tocado|sin mi (?:permiso|autorizacion)|que no (?:re)?conozco',
    it: 'mai (?:\\w+ ){0,1}(?:fatto|fatti|ordinato|comprato|richiesto)|non (?:sono stat[oa]|ero) io|che non ho (?:mai )?(?:fatto|chiesto|richiesto)|senza (?:il mio|la mia) (?:permesso|autorizzazione)|che non (?:ri)?conosco',
    nl: 'nooit (?:\\w+ ){0,2}(?:geplaatst|besteld|gedaan|aangevraagd)|(?:dat )?was ik niet|ben ik niet|niet van mij|zonder mijn (?:toestemming|medeweten)|die ik niet (?:her)?ken',
    pt: 'nunca (?:fiz|encomendei|comprei|pedi)|nao fui eu|que nao (?:pedi|fiz)|sem (?:a minha )?autorizacao|que (?:eu )?nao (?:re)?conheco',
    pl: 'nigdy nie (?:zlozyl\\w*|zamawial\\w*|kupowal\\w*)|to nie ja|nie (?:bylem|bylam) ja|bez mojej zgody|(?:ktorych|ktorego) (?:\\w+ )?nie (?:zamawial\\w*|zlozyl\\w*|robil\\w*|znam|rozpoznaje)',
  }),
  'stranger-on-account': pattern({
    de: 'jemand (?:\\w+ ){0,3}(?:eingeloggt|angemeldet|geandert|benutzt|verwendet|versucht|zugegriffen|bestellt|gekauft)|(?:fremde|unbekannte)\\w* (?:gerat|login|anmeldung|adresse|zugriff)',
    fr: 'quelqu\'un (?:\\w+ ){0,3}(?:connecte|utilise|modifie|change|accede|essaie|commande|achete)|(?:appareil|connexion) (?:inconnue?|suspecte?)|depuis un autre pays',
    es: 'alguien (?:\\w+ ){0,3}(?:cambiado|entrado|entro|usado|usando|accedido|intentando|cambio|hecho|hizo|comprado|compro|pedido)|dispositivo (?:desconocido|nuevo)|intentando entrar',
    it: 'qualcuno (?:\\w+ ){0,3}(?:entrato|cambiato|usato|usando|acceduto|provando|ordinato|comprato|fatto)|dispositivo (?:sconosciuto|nuovo)|accesso (?:strano|sospetto)',
    nl: 'iemand (?:\\w+ ){0,3}(?:ingelogd|gebruikt|veranderd|gewijzigd|probeert|besteld|bestelt|gekocht|koopt)|(?:onbekend|nieuw) apparaat|(?:vreemde|onbekende) (?:inlog|login)',
    pt: 'alguem (?:\\w+ ){0,3}(?:alterou|mudou|entrou|acedeu|acessou|usou|esta a usar|tentou|fez|comprou|encomendou)|dispositivo (?:desconhecido|novo)|login (?:estranho|suspeito)',
    pl: 'ktos (?:\\w+ ){0,3}(?:zmienil|zalogowal|uzyl|uzywa|probuje|przejal|robi|zrobil|kupil|kupuje|zamowil|zamawia)|nieznan\\w+ (?:urzadzen\\w*|logowan\\w*)|dziwne logowanie',
  }),
  'leaving-the-shop': pattern({
    de: 'woanders|anderswo|(?:bei der|zur) konkurrenz|(?:einen|einem|anderen) (?:anderen )?(?:shop|anbieter|handler|laden)|nie wieder (?:\\w+ ){0,3}(?:bestellen|kaufen)|meine letzte bestellung|nicht mehr (?:bei ihnen|hier) (?:bestellen|kaufen)',
    fr: 'ailleurs|(?:un )?autre (?:site|magasin|boutique|fournisseur|enseigne)|(?:la )?concurrence|plus jamais (?:\\w+ ){0,3}(?:commander|acheter)|ma derniere commande',
    es: 'en otro sitio|en otra (?:tienda|web|parte)|otra tienda|(?:la )?competencia|nunca mas (?:\\w+ ){0,2}(?:compro|comprare|pido|pedire)|mi ultimo pedido',
    it: 'altrove|(?:un altro|un\'altra|altro) (?:negozio|sito|fornitore)|concorren\\w+|mai piu (?:\\w+ ){0,3}(?:ordino|comprero|ordinero)|il mio ultimo ordine',
    nl: 'ergens anders|(?:andere|een andere) (?:winkel|webshop|site|aanbieder|leverancier)|concurrent\\w*|nooit meer (?:\\w+ ){0,3}(?:bestellen|kopen)|mijn laatste bestelling',
    pt: 'noutro sitio|noutra loja|noutro lado|(?:em )?outra loja|concorr\\w+|nunca mais (?:\\w+ ){0,3}(?:compro|encomendo|comprarei)|a minha ultima encomenda',
    pl: 'gdzie indziej|w innym sklepie|inny sklep|innego sklepu|konkurencj\\w+|nigdy wiecej (?:\\w+ ){0,3}(?:kupie|zamowie)|moje ostatnie zamowienie',
  }),
  'ending-the-relationship': pattern({
    de: '(?:kundig|beend|schliess|losch|deaktivier|aufl[oa]s)\\w*[^.!?]{0,30}(?:abo|abonnement|mitgliedschaft|konto|kundenkonto|vertrag)|(?:abo|abonnement|mitgliedschaft|konto|kundenkonto|vertrag)\\w*[^.!?]{0,40}(?:kundigen|beenden|auflosen|schliessen|loschen|deaktivieren|auf)\\b|(?:abo|abonnement|mitgliedschaft|konto) (?:\\w+ ){0,2}nicht mehr|nicht (?:mehr )?verlangern|(?:brauche|benotige) (?:\\w+ ){0,2}(?:konto|abo|kundenkonto|mitgliedschaft) nicht mehr',
    fr: '(?:resili|annul|arret|mettre fin|ferm|clotur|supprim|desactiv)\\w*[^.!?]{0,30}(?:abonnement|compte|adhesion|forfait|contrat)|ne veux plus (?:de )?(?:mon|l\'|mon )?(?:abonnement|compte|adhesion)|ne pas renouveler|plus besoin (?:de mon|du|de l\') ?(?:compte|abonnement)',
    es: '(?:cancel|anul|cerr|cierr|elimin|borr|dar\\w* de baja|termin|desactiv)\\w*[^.!?]{0,30}(?:suscripcion|cuenta|membresia|plan|contrato|abono)|ya no quiero (?:la|mi|el) (?:suscripcion|cuenta|membresia|abono)|(?:suscripcion|membresia|abono)[^.!?]{0,30}(?:cancel|anul|termin)\\w*|no renovar',
    it: '(?:disdi|annull|chiud|cancell|elimin|disattiv|interromp)\\w*[^.!?]{0,30}(?:abbonamento|account|iscrizione|contratto|profilo)|non voglio piu (?:l\'|il mio )?(?:abbonamento|account|iscrizione)|(?:abbonamento|iscrizione)[^.!?]{0,30}(?:disdi|annull|chiud|cancell|interromp)\\w*|non rinnovare',
    nl: 'zeg (?:mijn|m\'n|ons) (?:abonnement|account|lidmaatschap|contract) op|(?:opzeg|stopzet|beeindig|verwijder|sluit|ophef)\\w*[^.!?]{0,30}(?:abonnement|account|lidmaatschap|contract)|(?:abonnement|account|lidmaatschap)[^.!?]{0,40}(?:opzeggen|stopzetten|beeindigen|verwijderen|opheffen|sluiten)|niet (?:meer )?verlengen|(?:stop|stoppen) (?:met )?(?:mijn |het |ons )?(?:abonnement|lidmaatschap)|(?:abonnement|lidmaatschap|account) niet meer',
    pt: '(?:cancel|anul|encerr|fech|apag|elimin|desativ|termin)\\w*[^.!?]{0,30}(?:assinatura|subscricao|conta|adesao|plano|contrato)|(?:ja )?nao quero mais (?:a|o|minha) (?:assinatura|subscricao|conta|adesao)|nao renovar',
    pl: '(?:anulow|anuluj|zrezygnow|rezygnuj|zamkn|usun|wypowiedz)\\w*[^.!?]{0,30}(?:subskrypcj\\w*|kont[oa]|abonament\\w*|czlonkostw\\w*|umow\\w*)|nie chce (?:juz )?(?:subskrypcji|konta|abonamentu|czlonkostwa)|nie przedluzac',
  }),
  'money-back-request': pattern({
    de: '(?:bitte|mochte|hatte gerne?|will|konnen sie|konnten sie|verlange|fordere|erwarte)\\b[^.!?]{0,50}\\b(?:zuruck|(?:ruck)?erstatt\\w*|gutschr\\w+|entschadig\\w*|rabatt|preisnachlass|nachlass)|(?:erstatten|uberweisen) sie',
    fr: '(?:veux|voudrais|souhaite\\w*|pourriez|pouvez|merci de|exige|demande|aimerais)\\b[^.!?]{0,50}\\b(?:rembours\\w+|dedommag\\w+|indemnis\\w+|geste commercial|reduction|rendre|mon argent|la difference)',
    es: '(?:quiero|quisiera|podeis|pueden|podrian|exijo|solicito|pido|por favor|me gustaria)\\b[^.!?]{0,50}\\b(?:reembols\\w+|devolv\\w+|devuelvan|abonar|compensacion|indemnizacion|descuento|diferencia|dinero)',
    it: '(?:vorrei|voglio|rivoglio|potete|potreste|chiedo|esigo|per favore)\\b[^.!?]{0,50}\\b(?:rimbors\\w+|soldi|restituir\\w+|risarciment\\w+|sconto|differenza)|ridatemi|restituitemi',
    nl: '(?:wil|graag|kunnen jullie|kunt u|zou|eis|verwacht)\\b[^.!?]{0,50}\\b(?:geld terug|terugbetal\\w+|terugstort\\w+|vergoed\\w+|compensatie|korting|verschil|restitutie|\\w*kosten terug|bedrag terug)',
    pt: '(?:quero|queria|gostaria|podem|poderiam|exijo|peco|por favor)\\b[^.!?]{0,50}\\b(?:reembols\\w+|dinheiro|devolv\\w+|compensacao|indemnizacao|desconto|diferenca)',
    pl: '(?:chce|prosze|czy mozecie|czy moga|zadam|oczekuje|domagam)\\b[^.!?]{0,50}\\b(?:zwrot\\w*|odda\\w+|zwroci\\w+|rekompensat\\w*|odszkodowan\\w*|rabat\\w*|znizk\\w*|pieniadz\\w*)',
  }),
  'asks-for-a-person': pattern({
    de: '(?:mit|an) (?:einem|einer|jemandem) (?:\\w+ ){0,2}(?:menschen|mitarbeiter\\w*|person|berater\\w*|vorgesetzten|verantwortlichen)|zuruckrufen|ruckruf|ruf\\w* (?:sie )?mich (?:\\w+ )?an|mich (?:\\w+ ){0,2}anrufen|telefonisch (?:zuruck|melden|kontakt)',
    fr: 'parler (?:a|avec) (?:un|une|quelqu\'un)(?! (?:avocat|abogad|avvocat|advocaat|advogad|anwalt|prawnik|adwokat)\\w*)|m\'appeler|me rappeler|rappelez-moi|appelez-moi|un conseiller|vraie personne|un humain|de vive voix|responsable me (?:contacte|rappelle|appelle)',
    es: 'hablar con (?:una|un|alguien)(?! (?:avocat|abogad|avvocat|advocaat|advogad|anwalt|prawnik|adwokat)\\w*)|llamarme|me llame|me llamen|me (?:podria|puede|pueden) llamar|llamenme|persona (?:real|de verdad)|un humano',
    it: 'parlare con (?:un|una|qualcuno)(?! (?:avocat|abogad|avvocat|advocaat|advogad|anwalt|prawnik|adwokat)\\w*)|richiamarmi|chiamarmi|mi (?:chiami|richiami)|richiamatemi|chiamatemi|operatore|persona vera|un umano',
    nl: '(?:spreken|praten) (?:met|tegen) (?:een|iemand)(?! (?:avocat|abogad|avvocat|advocaat|advogad|anwalt|prawnik|adwokat)\\w*)|terugbellen|bel (?:me|mij)|(?:mij|me) (?:terug)?bellen|medewerker spreken|echte (?:medewerker|persoon|mens)',
    pt: 'falar com (?:um|uma|alguem)(?! (?:avocat|abogad|avvocat|advocaat|advogad|anwalt|prawnik|adwokat)\\w*)|ligar-me|me (?:pode )?ligar|liguem-me|pessoa real|um humano',
    pl: '(?:porozmawiac|rozmawiac) z (?:kims|prawdziwym|czlowiekiem|konsultantem|osoba)|oddzwoni\\w*|zadzwoni\\w* do mnie|zadzwoncie|prawdziw\\w+ (?:czlowiek\\w*|osob\\w*)',
  }),
};

/** A question about the timing of a refund already granted is not a request for money back. */
export const FOREIGN_POLICY_QUESTION = pattern({
  de: 'wie lange|wann (?:kommt|wird|ist|krieg\\w*|bekomm\\w*|erhalt\\w*|sehe)|bestatigt|richtlinie',
  fr: 'combien de (?:jours|temps)|quand (?:arrive|sera|est-ce que|vais-je|vais je|je vais|recevrai|aurai)|valide|politique',
  es: 'cuantos dias|cuanto tarda|cuando (?:llega|aparece|recib\\w+|me (?:devuelven|llega)|voy a)|confirmaron|aprobado|politica',
  it: 'quanti giorni|quanto tempo|quando (?:arriva|ricev\\w+|mi (?:arriva|rimborsate|restituite))|approvato|politica',
  nl: 'hoe lang|wanneer (?:komt|staat|krijg|ontvang|zie)|goedgekeurd|beleid',
  pt: 'quanto tempo|quantos dias|quando (?:chega|aparece|recebo|vou receber|receberei)|aprovado|politica',
  pl: 'ile dni|ile czasu|kiedy|zatwierdzon\\w*|polityk\\w*',
});

/**
 * Money someone else pays back (an expense claim at work) or a way to pay ("contra reembolso" is
 * cash on delivery): the words of money back with no money asked of us.
 */
export const FOREIGN_MONEY_FROM_ELSEWHERE = pattern({
  de: 'spesen|reisekosten|auslagenerstattung|(?:arbeitgeber|firma|chef)\\w*[^.!?]{0,40}(?:erstatt\\w*|zuruck)',
  fr: 'note de frais|remboursement (?:de|des) frais|(?:employeur|entreprise|societe|boite)[^.!?]{0,40}rembours\\w*',
  es: 'contra ?reembolso|reembolso de gastos|(?:empresa|jefe|trabajo)[^.!?]{0,40}(?:reembols\\w*|devuelv\\w*)',
  it: 'contrassegno|rimborso spese|nota spese|(?:azienda|datore|ditta|ufficio)[^.!?]{0,40}rimbors\\w*',
  nl: 'onkosten|declaratie|declareren|(?:werkgever|baas|bedrijf|werk)[^.!?]{0,40}(?:vergoed\\w*|terugbetal\\w*)',
  pt: 'contra ?reembolso|reembolso de despesas|(?:empresa|patrao|trabalho)[^.!?]{0,40}(?:reembols\\w*|devolv\\w*)',
  pl: 'za pobraniem|delegacj\\w*|(?:pracodawc|firm)\\w*[^.!?]{0,40}(?:zwrac\\w*|zwroc\\w*|refund\\w*)',
});

/** "Wann krieg ich mein Geld zurück?": when money already agreed comes back, asked and not demanded. */
export const FOREIGN_REFUND_TIMING = pattern({
  de: '(?:wann|wie lange)[^.!?]{0,40}(?:geld|betrag|erstattung|ruckerstattung|gutschrift)',
  fr: '(?:quand|combien de (?:jours|temps))[^.!?]{0,40}(?:argent|rembourse\\w*|montant)',
  es: '(?:cuando|cuantos dias|cuanto tarda)[^.!?]{0,40}(?:dinero|reembols\\w*|importe)',
  it: '(?:quando|quanti giorni|quanto tempo)[^.!?]{0,40}(?:soldi|rimbors\\w*|denaro|importo)',
  nl: '(?:wanneer|hoe lang)[^.!?]{0,40}(?:geld|bedrag|terugbetaling|terugstorting)',
  pt: '(?:quando|quanto tempo|quantos dias)[^.!?]{0,40}(?:dinheiro|reembols\\w*|valor)',
  pl: '(?:kiedy|ile dni|ile czasu)[^.!?]{0,40}(?:pieniadz\\w*|zwrot\\w*|kwot\\w*)',
});

/** "No need to call": a declined call is not a request for a person. */
export const FOREIGN_CONTACT_DECLINED = pattern({
  de: 'kein (?:ruckruf|anruf) (?:notig|notwendig)|nicht (?:zuruck)?rufen',
  fr: 'pas (?:besoin|la peine) de (?:m\'appeler|me rappeler)',
  es: 'no (?:hace falta|es necesario) llamar',
  it: 'non (?:serve|e necessario) (?:chiamare|richiamare)',
  nl: 'niet (?:terug )?(?:te )?bellen',
  pt: 'nao (?:e preciso|precisa) ligar',
  pl: 'nie trzeba (?:dzwonic|oddzwaniac)',
});

/** The folded, lowercased form the patterns above are written for. */
export function foldForCues(folded: string): string {
  return folded.toLowerCase().replace(/[’`]/g, "'");
}

function words(lists: PerLanguage): Set<string> {
  return new Set(Object.values(lists).flatMap((list) => list.split(' ')));
}

/** One alternation over the languages, with word edges on both sides (the text is folded to ASCII). */
function pattern(lists: PerLanguage): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${Object.values(lists).join('|')})(?![a-z0-9])`);
}
