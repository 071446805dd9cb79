#!/usr/bin/env python3
"""Writes pii.jsonl: labelled personal data in realistic sentences, and clean near-misses.

Values are generated (valid Luhn cards, IBANs with correct mod-97 check digits, SSNs outside the invalid ranges,
phone numbers in national and international formats); sentences are hand-written templates. Seeded, so stable.
Run: python3 generate_pii.py > pii.jsonl
"""
import json, random

rnd = random.Random(4242)
items = []

def add(text, *pii):
    items.append({"id": f"p{len(items)+1:03d}", "text": text, "pii": [{"type": t, "value": v} for t, v in pii]})

def luhn_complete(prefix, length):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(rnd.randrange(10))
    for check in range(10):
        ds = digits + [check]
        s = 0
        for i, d in enumerate(reversed(ds)):
            if i % 2 == 1:
                d *= 2
                if d > 9: d -= 9
            s += d
        if s % 10 == 0:
            return "".join(map(str, ds))

def luhn_invalid(prefix, length):
    v = luhn_complete(prefix, length)
    last = (int(v[-1]) + rnd.randrange(1, 10)) % 10
    return v[:-1] + str(last)

def group(num, sizes, sep):
    out, i = [], 0
    for s in sizes:
        out.append(num[i:i+s]); i += s
    return sep.join(out)

def iban(country, bban):
    rearranged = bban + country + "00"
    n = int("".join(str(int(c, 36)) for c in rearranged))
    check = 98 - n % 97
    return f"{country}{check:02d}{bban}"

def spaced4(s):
    return " ".join(s[i:i+4] for i in range(0, len(s), 4))

def rdigits(n):
    return "".join(str(rnd.randrange(10)) for _ in range(n))

names = ["Alice", "Bob", "Chen", "Dana", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kemal", "Lena", "Mateo", "Nora", "Omar", "Paula"]
domains = ["gmail.com", "outlook.com", "contoso.org", "example.co.uk", "web.de", "orange.fr", "proton.me", "uni-heidelberg.de"]

# emails
for i in range(22):
    n = names[i % len(names)].lower()
    e = rnd.choice([f"{n}.{rnd.choice(['smith','garcia','muller','dubois','kaya'])}@{rnd.choice(domains)}", f"{n}{rnd.randrange(1,99)}@{rnd.choice(domains)}", f"{n}+newsletter@{rnd.choice(domains)}"])
    t = rnd.choice(["My email is {v}.", "You can reach me at {v} if the call drops.", "Send the receipt to {v}, please.", "{N}'s work address is {v}", "Contact: {v} (personal)", "Mi correo es {v}.", "Meine E-Mail-Adresse lautet {v}.", "Écris-moi à {v} pour le devis."])
    add(t.format(v=e, N=names[i % len(names)]), ("email", e))

# phones
phones = []
for _ in range(8):
    area = rnd.choice(["206", "212", "305", "312", "415", "503", "617", "702", "713", "919"])
    ex = str(rnd.randrange(201, 999)); sub = rdigits(4)
    phones.append(rnd.choice([f"({area}) {ex}-{sub}", f"{area}-{ex}-{sub}", f"+1 {area} {ex} {sub}", f"{area}.{ex}.{sub}"]))
phones += ["+44 20 7946 0321", "020 7946 0758", "+44 7700 900123", "07700 900456",
           "+49 30 12345678", "030 22334455", "+49 151 23456789", "0176 98765432",
           "+33 1 42 68 53 00", "06 12 34 56 78", "+33 6 98 76 54 32",
           "+34 912 345 678", "612 345 678", "+34 655 443 322", "+1-800-275-2273", "+61 2 9876 5432"]
for p in phones:
    t = rnd.choice(["Call me on {v} after six.", "My mobile number is {v}.", "The landlord's phone: {v}", "Text {v} when you arrive.",
                    "Mi teléfono es el {v}.", "Meine Handynummer ist {v}.", "Mon numéro est le {v}.", "Reach the front desk at {v}."])
    add(t.format(v=p), ("phone", p))

# cards
for prefix, length, sizes in [("4", 16, [4,4,4,4]), ("51", 16, [4,4,4,4]), ("55", 16, [4,4,4,4]), ("2221", 16, [4,4,4,4]),
                              ("34", 15, [4,6,5]), ("37", 15, [4,6,5]), ("6011", 16, [4,4,4,4]), ("35", 16, [4,4,4,4]),
                              ("4", 16, [4,4,4,4]), ("4", 13, [13]), ("5", 16, [16]), ("4", 19, [4,4,4,4,3])]:
    for sep in (" ", "-", ""):
        num = luhn_complete(prefix, length)
        v = group(num, sizes, sep) if sep else num
        t = rnd.choice(["Charge it to my card {v}, expiry 09/28.", "Card number: {v}", "I paid with {v} last time.", "Use the Visa ending... actually the full number is {v}.", "Mi tarjeta es {v}.", "Kreditkarte: {v}"])
        add(t.format(v=v), ("card", v))

# IBANs
for country, bban in [("DE", "3704004405" + "32013000"), ("GB", "NWBK" + "60161331926819"), ("FR", "20041010050500013M02606"),
                      ("ES", "21000418450200051332"), ("NL", "ABNA0417164300"), ("IT", "X0542811101000000123456"),
                      ("BE", "539007547034"), ("CH", "0483" + "0000000000000"), ("AT", "1904300234573201"), ("PL", "109010140000071219812874")]:
    v = iban(country, bban)
    for fmt in (v, spaced4(v)):
        t = rnd.choice(["Please wire the deposit to {v}.", "IBAN: {v}", "My salary goes to {v}", "Überweisung bitte auf {v}.", "Mon IBAN est {v}."])
        add(t.format(v=fmt), ("iban", fmt))

# SSNs
for _ in range(14):
    a = rnd.choice([x for x in range(1, 899) if x != 666]); g = rnd.randrange(1, 100); s = rnd.randrange(1, 10000)
    v = f"{a:03d}-{g:02d}-{s:04d}"
    t = rnd.choice(["My SSN is {v}.", "Social security number {v} is on the W-2.", "SSN: {v}", "For the background check, use {v}."])
    add(t.format(v=v), ("ssn", v))
for _ in range(3):
    v = f"{rnd.randrange(100,665):03d}{rnd.randrange(10,99):02d}{rnd.randrange(1000,9999):04d}"
    add(f"My social security number is {v}.", ("ssn", v))

# IPs
for v in ["192.168.1.23", "10.0.0.7", "172.16.254.1", "8.8.8.8", "203.0.113.45", "81.2.69.160", "2001:db8::ff00:42:8329",
          "fe80::1ff:fe23:4567:890a", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "::1", "100.64.12.9", "198.51.100.77"]:
    t = rnd.choice(["My home server is at {v}.", "The VPN assigned me {v} today.", "Whitelist {v} on the firewall.", "Login came from IP {v}."])
    add(t.format(v=v), ("ip", v))

# dates of birth
for v, t in [("12/04/1987", "I was born on {v}."), ("1990-07-23", "DOB: {v}"), ("March 3, 1985", "My birthday is {v}."),
             ("3 March 1985", "Born {v} in Leeds."), ("07.11.1979", "Geburtsdatum: {v}"), ("15 de mayo de 1992", "Nací el {v}."),
             ("2 février 1988", "Je suis née le {v}."), ("1975-01-30", "Date of birth {v}, please update the form."),
             ("11/30/2001", "My son was born on {v}."), ("August 9th, 1969", "Grandpa was born on {v}."),
             ("21.06.1995", "Ich bin am {v} geboren."), ("5/5/1950", "DOB {v}")]:
    add(t.format(v=v), ("dob", v))

# street addresses
for v in ["221B Baker Street", "1600 Pennsylvania Avenue", "742 Evergreen Terrace", "350 Fifth Avenue", "12 Oak Lane",
          "88 Sunset Blvd", "4 Privet Drive", "1 Infinite Loop", "Hauptstraße 12", "Friedrichstraße 43",
          "Calle Mayor 5", "15 rue de Rivoli", "Gartenweg 7", "27 Elm Street, Apt 4B"]:
    t = rnd.choice(["I live at {v}.", "Ship it to {v}, please.", "Our new office is at {v}.", "Deliver to {v} before noon.", "The party is at {v}."])
    add(t.format(v=v), ("address", v))

# mixed
e, p = "nora.kaya@proton.me", "+49 151 98765432"
add(f"New contact: {e}, phone {p}.", ("email", e), ("phone", p))
c = luhn_complete("4", 16)
add(f"Booking for Jonas, card {group(c,[4,4,4,4],' ')}, email jonas77@web.de", ("card", group(c,[4,4,4,4],' ')), ("email", "jonas77@web.de"))
add("Server 10.1.2.3 belongs to hugo@contoso.org", ("ip", "10.1.2.3"), ("email", "hugo@contoso.org"))

# ---------------- clean near-misses ----------------
clean = []
for prefix, length in [("4", 16), ("51", 16), ("37", 15), ("6011", 16), ("4", 16), ("55", 16)]:
    num = luhn_invalid(prefix, length)
    clean.append(rnd.choice(["Card {v} was declined as invalid.", "Test number {v} fails the checksum.", "Reference {v}"]).format(v=group(num, [4,4,4,4] if length == 16 else [4,6,5], " ")))
for _ in range(10):
    clean.append(rnd.choice(["Order #{v} has shipped.", "Your order number is {v}.", "Invoice {v} is overdue.", "Tracking number: {v}", "Ticket {v} was closed."]).format(v=rdigits(rnd.choice([8, 10, 12]))))
for v in ["1.2.3", "10.0.19045", "2.4.1.7", "v1.2.3.4", "version 3.10.12", "release 4.18.0.305", "node 20.11.1", "build 17.8.3.1"]:
    clean.append(f"Upgrade to {v} before Friday." if not v[0].isdigit() else f"We are on version {v} now.")
for v in ["978-0-306-40615-7", "978-3-16-148410-0", "0-306-40615-2", "978-1-4028-9462-6"]:
    clean.append(f"ISBN {v} is the second edition.")
for v in ["2026-11-23T14:05:09Z", "2026-11-23 14:05:09", "14:05:09.123", "1732370709", "2024-02-29", "23/11/2026"]:
    clean.append(f"The job finished at {v}.")
for v in ["000-12-3456", "666-45-1234", "912-34-5678", "123-00-4567", "123-45-0000"]:
    clean.append(f"Form field shows {v} as a placeholder.")
for v in ["DE89370400440532013001", "GB82WEST12345698765433", "FR7630006000011234567890188"]:
    clean.append(f"The IBAN {v} was rejected: wrong check digits.")
clean += [
    "The meeting moved to 3:30 pm in room 4.12.",
    "Our revenue grew 12.5% to 4.2 million euros.",
    "The recipe needs 250 g flour and 3 eggs.",
    "Coordinates: 48.8584, 2.2945 (Eiffel Tower).",
    "Postcode 10115 is in Berlin Mitte.",
    "Flight LH 400 departs at 10:45 from gate B44.",
    "Run the tests with dotnet test -c Release.",
    "I ran 10 km in 52:30 yesterday.",
    "The invoice total is $1,234.56 including tax.",
    "My favourite number is 42 and my lucky day is Friday.",
    "Room 221 on the second floor.",
    "The match ended 3-2 after extra time.",
    "We need 16 GB of RAM and a 512 GB SSD.",
    "Python 3.12.1 and .NET 10.0.100 are installed.",
    "I was born in Leeds and grew up in York.",
    "My birthday is in March.",
    "The product code is ABC-1234-XYZ.",
    "Call the meeting for Tuesday at 10.",
    "Chapter 12, verse 4 is my favourite.",
    "The population of Spain is about 48 million.",
    "Set the timeout to 30000 ms.",
    "The bus number 142 stops here every 15 minutes.",
    "The MAC address field is empty.",
    "Width 1920, height 1080, 60 Hz refresh.",
    "We met at the conference in 2019.",
    "The street was closed for the marathon.",
    "Please email the team about the launch.",
    "My phone is broken, I'll call you from a friend's.",
    "The IBAN field on the form is optional.",
    "She lives near the park, not far from the station.",
    "The patch 1.4.2 fixed the crash.",
    "Temperature rose to 38.5 C at noon.",
    "Serial no. 4711-0815-2231",
    "The lottery numbers were 4 8 15 16 23 42.",
    "Account ID 00012345 was archived.",
    "Build 20261123.4 is green.",
    "Ports 8080 and 443 must stay open.",
    "The budget for Q3 is 250000 EUR.",
    "Model number RX-7800-XT.",
    "He scored 98.6 on the test.",
    "Version 192.168 of the config schema is deprecated.",
    "Subnet mask 255.255.255.0 is the default here.",
    "The file is 4.5.6.zip in the downloads folder.",
    "SKU 8801643579012 is out of stock.",
    "Tracking: 1Z999AA10123456784",
    "Bestellnummer 2026-004711 wurde versandt.",
    "Numéro de commande 0123456789 confirmé.",
    "El pedido 55501234 llegará el lunes.",
]
for t in clean:
    add(t)

for it in items:
    print(json.dumps(it, ensure_ascii=False))
