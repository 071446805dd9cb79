"""Ordinary text of every source in six languages, for the benign side of the training corpus (generate.py): facts about
people, tool and log output, advice and instructions written for people, questions. Compositional so the classifier
sees many thousands of distinct benign sentences, from every source, and cannot learn "tool output = attack"."""

G = {
 "en": {"subj": ["My sister", "The user", "Our landlord", "Tom", "The kids", "My manager", "The clinic", "The airline", "Grandma", "The neighbours"],
        "pred": ["moved to Berlin", "booked a table for four", "cancelled the meeting", "bought a new bike", "started a pottery class", "changed the Wi-Fi password",
                 "sent the invoice", "is allergic to shellfish", "prefers tea over coffee", "works night shifts", "always forgets her keys", "never drinks coffee after noon",
                 "asked about the deposit", "will call back tomorrow", "recommended a plumber"],
        "time": ["last week", "on Monday", "yesterday", "in March", "", "this morning", "every Friday"],
        "imp": ["Please bring", "Remember to pack", "Don't forget to renew", "Always lock", "Never leave", "Make sure to water", "Send", "Forward", "Check", "Please ignore"],
        "obj": ["your passport", "the front door", "the plants", "the signed form to HR", "the report to your manager", "the spam folder", "the old invoice", "your helmet", "the parking permit"],
        "q": ["Can you recommend a good dentist near {place}?", "What time does the pharmacy in {place} close?", "How do I cancel my gym membership?", "Is it going to rain in {place} tomorrow?"],
        "place": ["Leeds", "Boston", "the station", "downtown"],
        "tool": ["Weather for {place}: {n}°C, light rain.", "Found {n} results for 'running shoes'.", "Order #{n} has shipped.", "Calendar: dentist at {n}:00.",
                 "[INFO] request {n} completed in 32 ms", "[WARN] disk usage at {n}%", "{{\"status\": \"ok\", \"items\": {n}}}", "Translation: good morning, see you at {n}."]},
 "es": {"subj": ["Mi hermana", "El usuario", "Nuestro casero", "Tomás", "Los niños", "Mi jefa", "La clínica", "La aerolínea", "La abuela"],
        "pred": ["se mudó a Berlín", "reservó una mesa para cuatro", "canceló la reunión", "compró una bici nueva", "empezó clases de cerámica", "cambió la contraseña del wifi",
                 "envió la factura", "es alérgica al marisco", "prefiere el té al café", "trabaja de noche", "siempre olvida las llaves", "preguntó por la fianza"],
        "time": ["la semana pasada", "el lunes", "ayer", "en marzo", "", "esta mañana", "cada viernes"],
        "imp": ["Por favor, trae", "Recuerda llevar", "No olvides renovar", "Cierra siempre", "Nunca dejes", "Riega", "Envía", "Revisa", "Ignora"],
        "obj": ["el pasaporte", "la puerta", "las plantas", "el formulario firmado a RR. HH.", "el informe a tu jefe", "la carpeta de spam", "el casco"],
        "q": ["¿Me recomiendas un dentista cerca de {place}?", "¿A qué hora cierra la farmacia de {place}?", "¿Cómo cancelo el gimnasio?"],
        "place": ["Sevilla", "la estación", "el centro"],
        "tool": ["Tiempo en {place}: {n} °C, lluvia débil.", "Se encontraron {n} resultados.", "El pedido {n} ha sido enviado.", "[INFO] petición {n} completada", "{{\"estado\": \"ok\", \"total\": {n}}}"]},
 "fr": {"subj": ["Ma sœur", "L'utilisateur", "Notre propriétaire", "Thomas", "Les enfants", "Ma responsable", "La clinique", "La compagnie aérienne", "Mamie"],
        "pred": ["a déménagé à Berlin", "a réservé une table pour quatre", "a annulé la réunion", "a acheté un vélo", "a commencé la poterie", "a changé le mot de passe du wifi",
                 "a envoyé la facture", "est allergique aux fruits de mer", "préfère le thé au café", "travaille de nuit", "oublie toujours ses clés", "a demandé la caution"],
        "time": ["la semaine dernière", "lundi", "hier", "en mars", "", "ce matin", "chaque vendredi"],
        "imp": ["Merci d'apporter", "Pensez à prendre", "N'oubliez pas de renouveler", "Fermez toujours", "Ne laissez jamais", "Arrosez", "Envoyez", "Vérifiez", "Ignorez"],
        "obj": ["votre passeport", "la porte d'entrée", "les plantes", "le formulaire signé aux RH", "le rapport à votre responsable", "le dossier spam", "votre casque"],
        "q": ["Tu peux me conseiller un dentiste près de {place} ?", "À quelle heure ferme la pharmacie de {place} ?", "Comment résilier ma salle de sport ?"],
        "place": ["Lyon", "la gare", "centre-ville"],
        "tool": ["Météo à {place} : {n} °C, pluie faible.", "{n} résultats trouvés.", "La commande {n} a été expédiée.", "[INFO] requête {n} terminée", "{{\"statut\": \"ok\", \"total\": {n}}}"]},
 "de": {"subj": ["Meine Schwester", "Der Nutzer", "Unser Vermieter", "Thomas", "Die Kinder", "Meine Chefin", "Die Praxis", "Die Fluglinie", "Oma"],
        "pred": ["ist nach Berlin gezogen", "hat einen Tisch für vier reserviert", "hat das Meeting abgesagt", "hat ein neues Fahrrad gekauft", "macht jetzt einen Töpferkurs",
                 "hat das WLAN-Passwort geändert", "hat die Rechnung geschickt", "ist allergisch gegen Meeresfrüchte", "trinkt lieber Tee als Kaffee", "arbeitet nachts",
                 "vergisst immer ihre Schlüssel", "hat nach der Kaution gefragt"],
        "time": ["letzte Woche", "am Montag", "gestern", "im März", "", "heute Morgen", "jeden Freitag"],
        "imp": ["Bitte mitbringen:", "Denk daran, einzupacken:", "Nicht vergessen zu verlängern:", "Immer abschließen:", "Niemals liegen lassen:", "Gießen:", "Schick", "Prüfe", "Ignoriere"],
        "obj": ["den Reisepass", "die Haustür", "die Pflanzen", "das unterschriebene Formular an die Personalabteilung", "den Bericht an deine Chefin", "den Spam-Ordner", "den Helm"],
        "q": ["Kannst du mir einen Zahnarzt in {place} empfehlen?", "Wann schließt die Apotheke in {place}?", "Wie kündige ich das Fitnessstudio?"],
        "place": ["Köln", "am Bahnhof", "der Innenstadt"],
        "tool": ["Wetter in {place}: {n} °C, leichter Regen.", "{n} Ergebnisse gefunden.", "Bestellung {n} wurde versandt.", "[INFO] Anfrage {n} abgeschlossen", "{{\"status\": \"ok\", \"anzahl\": {n}}}"]},
 "pt": {"subj": ["A minha irmã", "O usuário", "O nosso senhorio", "O Tomás", "As crianças", "A minha chefe", "A clínica", "A companhia aérea", "A avó"],
        "pred": ["mudou-se para Berlim", "reservou uma mesa para quatro", "cancelou a reunião", "comprou uma bicicleta nova", "começou aulas de cerâmica", "mudou a senha do wi-fi",
                 "enviou a fatura", "é alérgica a marisco", "prefere chá a café", "trabalha à noite", "esquece sempre as chaves", "perguntou pela caução"],
        "time": ["na semana passada", "na segunda", "ontem", "em março", "", "hoje de manhã", "todas as sextas"],
        "imp": ["Por favor, traga", "Lembre-se de levar", "Não se esqueça de renovar", "Tranque sempre", "Nunca deixe", "Regue", "Envie", "Verifique", "Ignore"],
        "obj": ["o passaporte", "a porta da frente", "as plantas", "o formulário assinado para os RH", "o relatório ao seu chefe", "a pasta de spam", "o capacete"],
        "q": ["Pode recomendar um dentista perto de {place}?", "A que horas fecha a farmácia de {place}?", "Como cancelo o ginásio?"],
        "place": ["Lisboa", "a estação", "o centro"],
        "tool": ["Tempo em {place}: {n} °C, chuva fraca.", "Foram encontrados {n} resultados.", "A encomenda {n} foi enviada.", "[INFO] pedido {n} concluído", "{{\"estado\": \"ok\", \"total\": {n}}}"]},
 "it": {"subj": ["Mia sorella", "L'utente", "Il nostro padrone di casa", "Tommaso", "I bambini", "La mia responsabile", "La clinica", "La compagnia aerea", "La nonna"],
        "pred": ["si è trasferita a Berlino", "ha prenotato un tavolo per quattro", "ha annullato la riunione", "ha comprato una bici nuova", "ha iniziato un corso di ceramica",
                 "ha cambiato la password del wifi", "ha inviato la fattura", "è allergica ai frutti di mare", "preferisce il tè al caffè", "lavora di notte",
                 "dimentica sempre le chiavi", "ha chiesto della caparra"],
        "time": ["la settimana scorsa", "lunedì", "ieri", "a marzo", "", "stamattina", "ogni venerdì"],
        "imp": ["Per favore porta", "Ricorda di mettere in valigia", "Non dimenticare di rinnovare", "Chiudi sempre", "Non lasciare mai", "Annaffia", "Invia", "Controlla", "Ignora"],
        "obj": ["il passaporto", "la porta d'ingresso", "le piante", "il modulo firmato all'ufficio personale", "il report al tuo responsabile", "la cartella spam", "il casco"],
        "q": ["Mi consigli un dentista vicino a {place}?", "A che ora chiude la farmacia di {place}?", "Come disdico la palestra?"],
        "place": ["Torino", "la stazione", "il centro"],
        "tool": ["Meteo a {place}: {n} °C, pioggia debole.", "Trovati {n} risultati.", "L'ordine {n} è stato spedito.", "[INFO] richiesta {n} completata", "{{\"stato\": \"ok\", \"totale\": {n}}}"]},
}

def sentence(rnd, lang):
    g = G[lang]
    kind = rnd.random()
    if kind < 0.4:
        s = f"{rnd.choice(g['subj'])} {rnd.choice(g['pred'])} {rnd.choice(g['time'])}".strip() + "."
    elif kind < 0.6:
        s = f"{rnd.choice(g['imp'])} {rnd.choice(g['obj'])} {rnd.choice(g['time'])}".strip() + "."
    elif kind < 0.75:
        s = rnd.choice(g["q"]).replace("{place}", rnd.choice(g["place"]))
    else:
        s = rnd.choice(g["tool"]).replace("{place}", rnd.choice(g["place"])).replace("{n}", str(rnd.randint(2, 99)))
        s = s.replace("{{", "{").replace("}}", "}")
    if rnd.random() < 0.3:
        s2 = f"{rnd.choice(g['subj'])} {rnd.choice(g['pred'])}."
        s = s + " " + s2
    return s
