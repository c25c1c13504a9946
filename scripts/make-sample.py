#!/usr/bin/env python3
"""Make the bundled demo sample in examples/sample/: invented patient feedback, reproducible.

Four monthly SMS exports (semicolon CSV with Finnish headers, as the survey tool writes them) and one kiosk
export (JSON Lines), 100 responses a month over four units, mostly Finnish with some Swedish and English.
Every comment here was written for this sample; names and phone numbers are made up.

usage: scripts/make-sample.py [OUT_DIR]   (default examples/sample)
"""
import csv, json, os, random, sys

# (score range, text). Scores follow the text loosely, as real ones do.
FI = [
    ((9, 10), "Lääkäri kuunteli ja selitti asiat selkeästi. Kiitos!"),
    ((9, 10), "Hoitaja oli todella ystävällinen ja verenotto ei sattunut yhtään."),
    ((9, 10), "Kaikki meni hyvin, ei valittamista."),
    ((9, 10), "Pääsin vastaanotolle samana päivänä, erinomaista palvelua."),
    ((8, 10), "Ajanvaraus netissä toimi helposti ja tekstiviestimuistutus tuli ajallaan."),
    ((9, 10), "Kiitos Mervi-hoitajalle rauhallisesta ja huolellisesta hoidosta."),
    ((7, 9), "Ihan hyvä käynti, vaikka jouduin odottamaan vähän aikaa aulassa."),
    ((7, 8), "Ok käynti."),
    ((6, 8), "Lääkäri oli asiantunteva, mutta aikaa oli liian vähän ja tuntui kiireiseltä."),
    ((5, 7), "Odotusaulassa oli kuuma ja tuolit epämukavia."),
    ((6, 8), "Pysäköintipaikkoja oli liian vähän, kiertelin pihalla vartin."),
    ((4, 6), "Jouduin odottamaan yli tunnin ajanvarauksen jälkeen eikä kukaan kertonut syytä."),
    ((3, 6), "Puhelinjonossa meni 40 minuuttia ennen kuin pääsin puhumaan kenellekään."),
    ((2, 5), "Laboratoriotulokset tulivat vasta kahden viikon päästä eikä niistä soitettu."),
    ((1, 4), "Lääkäri oli töykeä eikä ottanut vaivojani vakavasti."),
    ((2, 5), "Laskussa oli väärä summa ja asiakasmaksu tuntui kohtuuttomalta."),
    ((3, 6), "Reseptin uusiminen kesti viikon, lääkkeet ehtivät loppua."),
    ((4, 6), "Lähete erikoissairaanhoitoon unohtui kokonaan, jouduin itse soittamaan perään."),
    ((0, 3), "Sain väärän lääkkeen annoksen ja voin sen jälkeen huonosti. Tästä teen muistutuksen."),
    ((0, 3), "Kaaduin käytävällä kun kukaan ei auttanut, ja ranteeseen sattuu edelleen."),
    ((1, 4), "Olen yhteydessä potilasasiavastaavaan, näin ei voi kohdella ihmistä."),
    ((2, 5), "Soittakaa minulle numeroon 040 123 4567, haluan keskustella hoidostani."),
    ((3, 5), "Ottakaa yhteyttä, en saanut vastausta kysymyksiini. Terveisin Pekka Virtanen"),
    ((6, 8), "Olisi hyvä jos chatissa vastattaisiin nopeammin."),
    ((7, 9), "Toivoisin että samalle lääkärille pääsisi myös seuraavalla kerralla."),
    ((8, 10), "Hyvä lääkäri! Voisitte lisätä iltavastaanottoja."),
    ((5, 7), "Tilat olivat siistit, mutta opasteet sekavat ja ovea oli vaikea löytää."),
    ((9, 10), "Hammaslääkäri oli tosi taitava, paikkaus ei sattunut ollenkaan."),
    ((4, 6), "Fysioterapeutti ei ehtinyt neuvoa kotiharjoituksia, jäi epäselväksi mitä pitäisi tehdä."),
    ((6, 8), "Videovastaanotto pätki koko ajan, muuten asiallista."),
    ((0, 2), "Röntgenlöydös jäi huomaamatta ja murtuma todettiin vasta viikon päästä."),
    ((10, 10), "Paras terveysasema, suosittelen!"),
    ((3, 5), "Odotin puhelinaikaa koko päivän, eikä kukaan soittanut takaisin."),
    ((8, 9), "Nopea ja sujuva käynti, henkilökunta mukavaa."),
    ((2, 4), "Tulkkia ei ollut varattu, vaikka pyysin sitä ajanvarauksessa."),
    ((5, 6), ""),
    ((9, 10), ""),
]
SV = [
    ((9, 10), "Mycket bra bemötande, tack så mycket!"),
    ((3, 5), "Jag fick vänta över en timme och ingen informerade mig."),
    ((2, 4), "Det var svårt att få service på svenska, ingen förstod mig."),
    ((7, 9), "Ganska bra besök, men parkeringen är för liten."),
    ((8, 10), "Läkaren var kunnig och lyssnade på mig."),
    ((4, 6), "Det skulle vara bra om man kunde boka tid på nätet."),
]
EN = [
    ((9, 10), "Very friendly nurse and a quick visit, thank you."),
    ((2, 4), "Nobody spoke English at the reception and the doctor seemed rushed."),
    ((5, 7), "The waiting room was crowded and the wait was long."),
    ((8, 10), "Good doctor, explained everything clearly."),
    ((1, 3), "Please call me back, I was given the wrong prescription."),
]
UNITS = [("Keltakankaan terveysasema", "yleislääkäri"), ("Kotkan hammashoitola", "hammaslääkäri"),
         ("Haminan lääkärikeskus", "työterveys"), ("Kouvolan poliklinikka", "fysioterapia")]


def response(rng, month, i, channel):
    pool = rng.choices([FI, SV, EN], weights=[82, 10, 8])[0]
    (lo, hi), text = rng.choice(pool)
    unit, service = rng.choice(UNITS)
    if unit.startswith("Kouvolan") and rng.random() < 0.5:
        service = "laboratorio"
    day = rng.randint(1, 28)
    return {"id": f"2026{month:02d}-{channel}-{i:04d}", "unit": unit, "service": service, "channel": channel,
            "date": f"{day}.{month}.2026", "iso": f"2026-{month:02d}-{day:02d}", "score": rng.randint(lo, hi),
            "text": text}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "examples", "sample")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(2026)
    for month in (1, 2, 3, 4):
        rows = [response(rng, month, i, "sms") for i in range(85)]
        with open(os.path.join(out, f"tekstiviestikysely_2026-{month:02d}.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(["Vastaustunnus", "Toimipiste", "Palvelu", "Kanava", "Käyntipäivä", "Suositteluhalukkuus (0-10)",
                        "Vapaa palaute"])
            for r in rows:
                w.writerow([r["id"], r["unit"], r["service"], r["channel"], r["date"], r["score"], r["text"]])
    with open(os.path.join(out, "kioski_2026-04.jsonl"), "w", encoding="utf-8") as f:
        for i in range(60):
            r = response(rng, rng.randint(1, 4), i, "kiosk")
            f.write(json.dumps({"id": r["id"], "unit": r["unit"], "service": r["service"], "channel": r["channel"],
                                "visited_on": r["iso"], "score": r["score"], "text": r["text"]},
                               ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
