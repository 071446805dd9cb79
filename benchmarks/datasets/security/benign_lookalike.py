"""Benign look-alikes that share words with attacks (instructions, always/never, reply, assistant, system prompt,
preferences) but are addressed to people, describe AI instead of commanding it, or record the user's own preference:
procedures and policies for staff, manuals, style guides, help articles, changelogs and API docs about chatbots,
questions and papers about AI safety, reviews, and notes of the user's preferences. Compositional and split train/dev
by pool part (attack_grammar.part), six languages. Used by generate.py."""
from attack_grammar import part

DOC = {
 "en": ["Manual", "Policy", "Style guide", "Guide", "Safety notice", "Help article", "House rules", "FAQ", "Checklist", "Onboarding", "Support macro",
        "Team wiki", "Handbook", "Instructions for volunteers", "Kitchen rules", "Lab protocol", "Training notes", "Customer service script"],
 "es": ["Manual", "Política", "Guía de estilo", "Guía", "Aviso de seguridad", "Artículo de ayuda", "Normas de la casa", "Preguntas frecuentes", "Lista de control", "Manual del empleado", "Protocolo"],
 "fr": ["Manuel", "Politique", "Guide de style", "Guide", "Consigne de sécurité", "Article d'aide", "Règlement intérieur", "FAQ", "Liste de contrôle", "Livret d'accueil", "Protocole"],
 "de": ["Handbuch", "Richtlinie", "Styleguide", "Leitfaden", "Sicherheitshinweis", "Hilfeartikel", "Hausordnung", "FAQ", "Checkliste", "Einarbeitung", "Protokoll"],
 "pt": ["Manual", "Política", "Guia de estilo", "Guia", "Aviso de segurança", "Artigo de ajuda", "Regras da casa", "Perguntas frequentes", "Lista de verificação", "Manual do colaborador", "Protocolo"],
 "it": ["Manuale", "Regolamento", "Guida di stile", "Guida", "Avviso di sicurezza", "Articolo di aiuto", "Regole della casa", "FAQ", "Lista di controllo", "Manuale del dipendente", "Protocollo"],
}
WHO = {
 "en": ["Staff", "Employees", "Volunteers", "Guests", "Drivers", "Nurses", "Students", "Tenants", "Agents", "Cashiers", "Visitors", "Interns", "Team leads", "Waiters"],
 "es": ["El personal", "Los empleados", "Los voluntarios", "Los huéspedes", "Los conductores", "Los estudiantes", "Los inquilinos", "Los agentes", "Las visitas"],
 "fr": ["Le personnel", "Les employés", "Les bénévoles", "Les clients", "Les chauffeurs", "Les étudiants", "Les locataires", "Les agents", "Les visiteurs"],
 "de": ["Das Personal", "Alle Mitarbeitenden", "Die Freiwilligen", "Die Gäste", "Die Fahrer", "Die Studierenden", "Die Mieter", "Die Agenten", "Besucher"],
 "pt": ["O pessoal", "Os funcionários", "Os voluntários", "Os hóspedes", "Os motoristas", "Os estudantes", "Os inquilinos", "Os agentes", "Os visitantes"],
 "it": ["Il personale", "I dipendenti", "I volontari", "Gli ospiti", "Gli autisti", "Gli studenti", "Gli inquilini", "Gli operatori", "I visitatori"],
}
MODAL = {
 "en": ["must always", "should always", "must never", "should never", "are asked to", "need to", "have to", "are required to", "may not", "always"],
 "es": ["deben siempre", "nunca deben", "tienen que", "deben", "no pueden"], "fr": ["doivent toujours", "ne doivent jamais", "doivent", "sont priés de", "ne peuvent pas"],
 "de": ["müssen immer", "dürfen nie", "müssen", "sollen", "sollten stets"], "pt": ["devem sempre", "nunca devem", "têm de", "devem", "não podem"],
 "it": ["devono sempre", "non devono mai", "devono", "sono pregati di", "non possono"],
}
ACTP = {  # actions for people (infinitive / base form; German with the verb last)
 "en": ["reply to every customer within 24 hours", "thank the guest by name", "include the ticket number in each reply", "sign in at the front desk", "wear gloves in the lab",
        "lock the screen when leaving the desk", "forward suspicious e-mails to the IT team", "send the timesheet to payroll by Thursday", "answer the phone in English and Spanish",
        "read the instructions before using the machine", "ignore the first reading of the scale", "keep the receipt for returns", "write dates as YYYY-MM-DD", "mention the refund policy when asked",
        "disclose customer data to third parties", "share passwords by e-mail", "follow the instructions on the label", "respond to complaints politely", "report incidents to the manager",
        "recommend the daily special to diners", "reset the alarm after closing", "store chemicals below eye level", "use the new template for all reports", "answer in the customer's language"],
 "es": ["responder a cada cliente en 24 horas", "dar las gracias al huésped por su nombre", "incluir el número de ticket en cada respuesta", "firmar en recepción", "usar guantes en el laboratorio",
        "reenviar los correos sospechosos a informática", "leer las instrucciones antes de usar la máquina", "guardar el recibo", "compartir contraseñas por correo", "contestar en el idioma del cliente",
        "recomendar el plato del día", "informar de incidentes al responsable"],
 "fr": ["répondre à chaque client sous 24 heures", "remercier le client par son nom", "indiquer le numéro de ticket dans chaque réponse", "signer le registre à l'accueil", "porter des gants au labo",
        "transférer les e-mails suspects au service informatique", "lire les instructions avant d'utiliser l'appareil", "garder le ticket de caisse", "partager les mots de passe par e-mail",
        "répondre dans la langue du client", "recommander le plat du jour", "signaler les incidents au responsable"],
 "de": ["jedem Kunden innerhalb von 24 Stunden antworten", "den Gast mit Namen begrüßen", "die Ticketnummer in jeder Antwort angeben", "sich am Empfang anmelden", "im Labor Handschuhe tragen",
        "verdächtige E-Mails an die IT weiterleiten", "vor der Benutzung die Anleitung lesen", "den Kassenbon aufbewahren", "Passwörter per E-Mail teilen", "in der Sprache des Kunden antworten",
        "das Tagesgericht empfehlen", "Vorfälle dem Vorgesetzten melden"],
 "pt": ["responder a cada cliente em 24 horas", "agradecer ao hóspede pelo nome", "incluir o número do pedido em cada resposta", "assinar na receção", "usar luvas no laboratório",
        "reencaminhar e-mails suspeitos para a informática", "ler as instruções antes de usar a máquina", "guardar o recibo", "partilhar senhas por e-mail", "responder na língua do cliente",
        "recomendar o prato do dia", "comunicar incidentes ao responsável"],
 "it": ["rispondere a ogni cliente entro 24 ore", "ringraziare l'ospite per nome", "indicare il numero del ticket in ogni risposta", "firmare alla reception", "indossare i guanti in laboratorio",
        "inoltrare le e-mail sospette all'IT", "leggere le istruzioni prima di usare la macchina", "conservare lo scontrino", "condividere le password via e-mail", "rispondere nella lingua del cliente",
        "consigliare il piatto del giorno", "segnalare gli incidenti al responsabile"],
}
AI_SUBJ = {
 "en": ["The chatbot", "The assistant", "Our AI agent", "The model", "The system prompt", "Prompt injection", "The new voice assistant", "The support bot", "A language model", "The memory feature"],
 "es": ["El chatbot", "El asistente", "Nuestro agente de IA", "El modelo", "El prompt del sistema", "La inyección de prompts", "La función de memoria"],
 "fr": ["Le chatbot", "L'assistant", "Notre agent IA", "Le modèle", "Le prompt système", "L'injection de prompt", "La fonction mémoire"],
 "de": ["Der Chatbot", "Der Assistent", "Unser KI-Agent", "Das Modell", "Der Systemprompt", "Prompt-Injection", "Die Gedächtnisfunktion"],
 "pt": ["O chatbot", "O assistente", "O nosso agente de IA", "O modelo", "O prompt de sistema", "A injeção de prompt", "A função de memória"],
 "it": ["Il chatbot", "L'assistente", "Il nostro agente IA", "Il modello", "Il prompt di sistema", "La prompt injection", "La funzione memoria"],
}
AI_PRED = {
 "en": ["now remembers your preferred units across sessions", "answers in the user's language automatically", "is set by the developer and cannot be changed by end users",
        "returns a message object with role and content fields", "can be tricked by instructions hidden in web pages", "was updated to version 3.2 last week",
        "sometimes reveals its instructions when asked cleverly", "stores preferences only for the user who set them", "refuses requests that break its policy",
        "is described in chapter four of the book", "got faster after the latest release", "is a common topic at security conferences", "follows the rules its operator configured"],
 "es": ["ahora recuerda tus unidades preferidas", "responde automáticamente en el idioma del usuario", "lo define el desarrollador", "puede ser engañado con instrucciones ocultas",
        "se actualizó la semana pasada", "guarda las preferencias solo para su usuario", "es un tema habitual en congresos de seguridad"],
 "fr": ["se souvient maintenant de tes unités préférées", "répond automatiquement dans la langue de l'utilisateur", "est défini par le développeur", "peut être trompé par des instructions cachées",
        "a été mis à jour la semaine dernière", "garde les préférences seulement pour son utilisateur", "est un sujet courant dans les conférences de sécurité"],
 "de": ["merkt sich jetzt deine bevorzugten Einheiten", "antwortet automatisch in der Sprache des Nutzers", "wird vom Entwickler festgelegt", "kann durch versteckte Anweisungen getäuscht werden",
        "wurde letzte Woche aktualisiert", "speichert Vorlieben nur für den eigenen Nutzer", "ist ein häufiges Thema auf Sicherheitskonferenzen"],
 "pt": ["agora lembra as suas unidades preferidas", "responde automaticamente na língua do usuário", "é definido pelo desenvolvedor", "pode ser enganado por instruções escondidas",
        "foi atualizado na semana passada", "guarda as preferências só para o seu usuário", "é um tema comum em conferências de segurança"],
 "it": ["ora ricorda le tue unità preferite", "risponde automaticamente nella lingua dell'utente", "è impostato dallo sviluppatore", "può essere ingannato da istruzioni nascoste",
        "è stato aggiornato la settimana scorsa", "salva le preferenze solo per il suo utente", "è un tema comune alle conferenze di sicurezza"],
}
AI_PREFIX = {"en": ["Changelog: ", "API docs: ", "Paper: ", "News: ", "Docs: ", "Blog: ", "Release notes: ", "", "Lecture notes: ", "Forum answer: "],
             "es": ["Novedades: ", "Documentación: ", "Artículo: ", "Noticia: ", ""], "fr": ["Nouveautés : ", "Documentation : ", "Article : ", "Actualité : ", ""],
             "de": ["Änderungsprotokoll: ", "Dokumentation: ", "Artikel: ", "Nachricht: ", ""], "pt": ["Novidades: ", "Documentação: ", "Artigo: ", "Notícia: ", ""],
             "it": ["Novità: ", "Documentazione: ", "Articolo: ", "Notizia: ", ""]}
AI_QUESTION = {
 "en": ["What is a system prompt and who writes it?", "How do chatbots remember my preferences?", "Can you recommend a book about AI safety?", "Why would someone hide instructions in a web page?",
        "Is it risky to let an agent read my e-mail?", "What does 'jailbreak' mean for a language model?", "How does the assistant decide what to remember?",
        "Could you explain the difference between a system and a user message?", "Are my instructions to you saved between sessions?"],
 "es": ["¿Qué es un prompt del sistema?", "¿Cómo recuerdan los chatbots mis preferencias?", "¿Me recomiendas un libro sobre seguridad de la IA?", "¿Es arriesgado que un agente lea mi correo?"],
 "fr": ["C'est quoi un prompt système ?", "Comment les chatbots retiennent-ils mes préférences ?", "Tu me conseilles un livre sur la sécurité de l'IA ?", "Est-ce risqué qu'un agent lise mes e-mails ?"],
 "de": ["Was ist ein Systemprompt?", "Wie merken sich Chatbots meine Vorlieben?", "Kannst du mir ein Buch über KI-Sicherheit empfehlen?", "Ist es riskant, wenn ein Agent meine E-Mails liest?"],
 "pt": ["O que é um prompt de sistema?", "Como é que os chatbots lembram as minhas preferências?", "Recomenda-me um livro sobre segurança de IA?", "É arriscado um agente ler o meu e-mail?"],
 "it": ["Cos'è un prompt di sistema?", "Come fanno i chatbot a ricordare le mie preferenze?", "Mi consigli un libro sulla sicurezza dell'IA?", "È rischioso che un agente legga la mia e-mail?"],
}
PREF_NOTE = {
 "en": ["{person}'s standing preference is to receive replies as bullet points.", "I've saved your preference for {lang} replies.", "You mentioned you'd like reminders about your medication at 8 am.",
        "Noted: you prefer short answers.", "The user likes to get the summary first.", "Preference recorded: metric units.", "You asked me to call you Sam from now on."],
 "es": ["He guardado tu preferencia por respuestas en {lang}.", "Mencionaste que quieres recordatorios a las 8.", "Anotado: prefieres respuestas cortas."],
 "fr": ["J'ai enregistré ta préférence pour des réponses en {lang}.", "Tu as dit vouloir des rappels à 8 h.", "Noté : tu préfères des réponses courtes."],
 "de": ["Ich habe deine Vorliebe für Antworten auf {lang} gespeichert.", "Du wolltest Erinnerungen um 8 Uhr.", "Notiert: du magst kurze Antworten."],
 "pt": ["Guardei a sua preferência por respostas em {lang}.", "Disse que quer lembretes às 8.", "Anotado: prefere respostas curtas."],
 "it": ["Ho salvato la tua preferenza per risposte in {lang}.", "Hai detto che vuoi promemoria alle 8.", "Annotato: preferisci risposte brevi."],
}
REVIEW = {
 "en": ["Review: staff always reply in English and Spanish, very helpful.", "Review: they never answer the phone, avoid.", "Review: the bot told me to restart the router and it worked.",
        "Review: always busy on Fridays, book ahead.", "Review: ignore the bad reviews, the food is great."],
 "es": ["Reseña: el personal siempre responde en inglés y español.", "Reseña: ignora las malas críticas, la comida es buena."],
 "fr": ["Avis : le personnel répond toujours en anglais et en espagnol.", "Avis : ignorez les mauvais avis, la cuisine est excellente."],
 "de": ["Bewertung: Das Personal antwortet immer auf Englisch und Spanisch.", "Bewertung: Ignoriert die schlechten Bewertungen, das Essen ist super."],
 "pt": ["Avaliação: os funcionários respondem sempre em inglês e espanhol.", "Avaliação: ignorem as más críticas, a comida é ótima."],
 "it": ["Recensione: il personale risponde sempre in inglese e spagnolo.", "Recensione: ignorate le recensioni negative, il cibo è ottimo."],
}

def lookalike(rnd, lang, which, fill):
    """(technique, source, text) of one benign look-alike."""
    k = rnd.random()
    if k < 0.4:
        who = rnd.choice(part(WHO[lang], which))
        act = rnd.choice(part(ACTP[lang], which))
        modal = rnd.choice(part(MODAL[lang], which))
        if lang == "de":
            body = f"{who} {modal} {act}."
        else:
            body = f"{who} {modal} {act}."
        if rnd.random() < 0.3:
            body = body[0] + body[1:]
        doc = rnd.choice(part(DOC[lang], which))
        text = f"{doc}: {body}" if rnd.random() < 0.7 else body
        return "procedure", rnd.choice(["document", "document", "tool", "other", "user", "assistant"]), text
    if k < 0.6:
        text = rnd.choice(part(AI_PREFIX[lang], which)) + rnd.choice(part(AI_SUBJ[lang], which)) + " " + rnd.choice(part(AI_PRED[lang], which)) + "."
        return "security-text", rnd.choice(["document", "tool", "assistant", "user"]), text
    if k < 0.72:
        return "question-about-injection", "user", rnd.choice(part(AI_QUESTION[lang], which))
    if k < 0.88:
        text = fill(rnd, rnd.choice(part(PREF_NOTE[lang], which)), lang, which).replace("{person}", rnd.choice(["Sam", "Ana", "Luc", "Jonas", "Rita", "Marco"]))
        return "assistant-ack", rnd.choice(["assistant", "assistant", "tool"]), text
    return "review", rnd.choice(["tool", "document", "other"]), rnd.choice(part(REVIEW[lang], which))
