<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <source>list the model-backend plugins, loaded or failed with the reason (exit 0)</source>
        <translation>die Modell-Backend-Plugins auflisten, geladen oder fehlgeschlagen mit Grund (Exit 0)</translation>
    </message>
    <message>
        <source>list the connection profiles (* = the one commands use)</source>
        <translation>die Verbindungsprofile auflisten (* = das von Befehlen verwendete)</translation>
    </message>
    <message>
        <source>show one profile: URLs, auth, secret references, TLS</source>
        <translation>ein Profil anzeigen: URLs, Authentifizierung, Secret-Verweise, TLS</translation>
    </message>
    <message>
        <source>opsdeck: the full-screen dashboard (--dashboard) is not part of this version</source>
        <translation>opsdeck: das Vollbild-Dashboard (--dashboard) ist nicht Teil dieser Version</translation>
    </message>
    <message>
        <source>opsdeck: built without the GUI; use --batch (see --help)</source>
        <translation>opsdeck: ohne GUI gebaut; --batch verwenden (siehe --help)</translation>
    </message>
    <message>
        <source>validate a profiles file and the CA files it names (exit 0 ok, 2 with FILE:LINE: message)</source>
        <translation>eine Profildatei und die darin genannten CA-Dateien prüfen (Exit 0 ok, 2 mit DATEI:ZEILE: Meldung)</translation>
    </message>
    <message>
        <source>benchmark a model backend (default: built-in linear model, 2M synthetic rows); exit 0 VALID, 1 INVALID, 3 threshold breached, 4 auth refused, 5 unreachable</source>
        <translation>ein Modell-Backend messen (Standard: eingebautes lineares Modell, 2 Mio. synthetische Zeilen); Exit 0 VALID, 1 INVALID, 3 Schwelle verletzt, 4 Anmeldung abgelehnt, 5 nicht erreichbar</translation>
    </message>
    <message>
        <source>probe every service of the profile, or those named (livy, spark_rest, spark_ui, elasticsearch, redis, scoring, scoring:NAME); exit 0 all up, 2 config error, 4 auth refused, 5 unreachable, 1 degraded</source>
        <translation>jeden Dienst des Profils prüfen, oder die genannten (livy, spark_rest, spark_ui, elasticsearch, redis, scoring, scoring:NAME); Exit 0 alle erreichbar, 2 Konfigurationsfehler, 4 Anmeldung abgelehnt, 5 nicht erreichbar, 1 beeinträchtigt</translation>
    </message>
    <message>
        <source>probe the profile&apos;s services (or those named) on a timer: each one&apos;s state, then every change, one line each, until Ctrl-C (exit 130) or --timeout (exit 124)</source>
        <translation>die Dienste des Profils (oder die genannten) regelmäßig prüfen: den Zustand jedes Dienstes, dann jede Änderung, je eine Zeile, bis Strg+C (Exit 130) oder --timeout (Exit 124)</translation>
    </message>
    <message>
        <source>the benchmark runs kept in the run history (bench --history, the GUI), newest first, numbered from 1</source>
        <translation>die im Laufverlauf aufbewahrten Benchmark-Läufe (bench --history, die GUI), neueste zuerst, ab 1 nummeriert</translation>
    </message>
    <message>
        <source>one kept run&apos;s report, as bench printed it (1 = the newest)</source>
        <translation>der Bericht eines aufbewahrten Laufs, wie bench ihn ausgab (1 = der neueste)</translation>
    </message>
    <message>
        <source>two kept runs side by side with B − A and B / A (default: run 2 against run 1, the newest); exit 3 when B regressed beyond --max-regression</source>
        <translation>zwei aufbewahrte Läufe nebeneinander mit B − A und B / A (Vorgabe: Lauf 2 gegen Lauf 1, den neuesten); Exit 3, wenn B sich über --max-regression hinaus verschlechtert hat</translation>
    </message>
    <message>
        <source>remove kept runs from the run history (numbers as history list shows them; all checked first)</source>
        <translation>aufbewahrte Läufe aus dem Laufverlauf entfernen (Nummern wie history list sie zeigt; alle werden vorher geprüft)</translation>
    </message>
    <message>
        <source>[--backend SPEC] [--model PATH] [--endpoint URL|NAME]… [--rows N | --duration SEC] [--batch-size N] [--scenario offline|concurrency|rate] [--concurrency N|LEVELS] [--rate N|LEVELS] [--poisson] [--warmup SEC] [--input FILE] [--threads N] [--no-pin] [--max-p99 MS] [--min-throughput N] [--max-error-rate PCT] [--report FILE] [--history] [--json] [--compare SPEC] [--capacity-rows N --capacity-within D] (see bench --help)</source>
        <translation>[--backend SPEC] [--model PFAD] [--endpoint URL|NAME]… [--rows N | --duration SEK] [--batch-size N] [--scenario offline|concurrency|rate] [--concurrency N|STUFEN] [--rate N|STUFEN] [--poisson] [--warmup SEK] [--input DATEI] [--threads N] [--no-pin] [--max-p99 MS] [--min-throughput N] [--max-error-rate PROZENT] [--report DATEI] [--history] [--json] [--compare SPEC] [--capacity-rows N --capacity-within D] (siehe bench --help)</translation>
    </message>
    <message>
        <source>probe the profile&apos;s services (or those named) until all are up in one round (exit 0); a configuration error ends it at once (exit 2), credentials refused in 3 rounds in a row too (exit 4); with --timeout, 124 when they were not up in time</source>
        <translation>die Dienste des Profils (oder die genannten) prüfen, bis alle in einer Runde erreichbar sind (Exit 0); ein Konfigurationsfehler beendet es sofort (Exit 2), in 3 Runden nacheinander abgelehnte Zugangsdaten ebenso (Exit 4); mit --timeout 124, wenn sie nicht rechtzeitig erreichbar waren</translation>
    </message>
    <message>
        <source>the load sweep a kept run was a level of (default: the newest sweep): its levels, the best one and why it ended early, as bench printed them; --against M: level by level against run M&apos;s sweep, exit 3 when its best rows/s fell beyond --max-regression</source>
        <translation>der Lastdurchlauf, zu dem ein gespeicherter Lauf als Stufe gehörte (Standard: der neueste): seine Stufen, die beste und warum er früh endete, wie bench sie ausgab; --against M: Stufe für Stufe gegen den Durchlauf von Lauf M, Exit 3, wenn seine besten Zeilen/s über --max-regression hinaus fielen</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>up</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>eingeschränkt</translation>
    </message>
    <message>
        <source>auth refused</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>config error</source>
        <translation>Konfigurationsfehler</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Cli</name>
    <message>
        <source>--%1: &apos;%2&apos; is not a whole number ≥ %3</source>
        <translation>--%1: &apos;%2&apos; ist keine ganze Zahl ≥ %3</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number ≥ %3</source>
        <translation>--%1: &apos;%2&apos; ist keine Zahl ≥ %3</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number &gt; %3</source>
        <translation>--%1: &apos;%2&apos; ist keine Zahl &gt; %3</translation>
    </message>
    <message>
        <source>backend id or spec ID[,key=value]… (default linear)</source>
        <translation>Backend-ID oder Spezifikation ID[,key=value]… (Standard: linear)</translation>
    </message>
    <message>
        <source>model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>remote protocol: float32 or json</source>
        <translation>Protokoll des entfernten Endpunkts: float32 oder json</translation>
    </message>
    <message>
        <source>backend option key=value (repeatable)</source>
        <translation>Backend-Option key=value (mehrfach möglich)</translation>
    </message>
    <message>
        <source>input columns (default: the model&apos;s, else 100)</source>
        <translation>Eingabespalten (Standard: die des Modells, sonst 100)</translation>
    </message>
    <message>
        <source>rows to score (default 2000000 in-process, 20000 remote)</source>
        <translation>zu bewertende Zeilen (Standard 2000000 im Prozess, 20000 entfernt)</translation>
    </message>
    <message>
        <source>run for this long instead of a number of rows (90s, 15m, 2h, seconds)</source>
        <translation>so lange laufen statt einer Anzahl Zeilen (90s, 15m, 2h, Sekunden)</translation>
    </message>
    <message>
        <source>rows per batch (default 10000 in-process, 1000 remote)</source>
        <translation>Zeilen pro Batch (Standard 10000 im Prozess, 1000 entfernt)</translation>
    </message>
    <message>
        <source>offline, concurrency or rate (default offline)</source>
        <translation>offline, concurrency oder rate (Standard: offline)</translation>
    </message>
    <message>
        <source>open loop: Poisson arrivals instead of a fixed interval</source>
        <translation>offene Schleife: Poisson-Ankünfte statt eines festen Intervalls</translation>
    </message>
    <message>
        <source>input rows: .npy or .csv (text backends: one line per row)</source>
        <translation>Eingabezeilen: .npy oder .csv (Text-Backends: eine Zeile pro Datensatz)</translation>
    </message>
    <message>
        <source>host threads for in-process backends (default: the ideal thread count)</source>
        <translation>Threads für Backends im Prozess (Standard: die ideale Thread-Anzahl)</translation>
    </message>
    <message>
        <source>seed of the synthetic data and the Poisson schedule (default 42)</source>
        <translation>Seed der synthetischen Daten und des Poisson-Zeitplans (Standard 42)</translation>
    </message>
    <message>
        <source>threshold: the p99 latency must not exceed this</source>
        <translation>Schwellenwert: die p99-Latenz darf diesen Wert nicht überschreiten</translation>
    </message>
    <message>
        <source>threshold: the throughput must reach this</source>
        <translation>Schwellenwert: der Durchsatz muss diesen Wert erreichen</translation>
    </message>
    <message>
        <source>also write the report to FILE.json or append it to FILE.csv</source>
        <translation>den Bericht zusätzlich nach FILE.json schreiben oder an FILE.csv anhängen</translation>
    </message>
    <message>
        <source>print the report as one JSON object on stdout</source>
        <translation>den Bericht als ein JSON-Objekt auf stdout ausgeben</translation>
    </message>
    <message>
        <source>cross-check: score the same rows with this backend spec and compare</source>
        <translation>Gegenprüfung: dieselben Zeilen mit dieser Backend-Spezifikation bewerten und vergleichen</translation>
    </message>
    <message>
        <source>cross-check tolerance, absolute or relative (default 1e-5)</source>
        <translation>Toleranz der Gegenprüfung, absolut oder relativ (Standard 1e-5)</translation>
    </message>
    <message>
        <source>capacity plan: rows to score …</source>
        <translation>Kapazitätsplan: zu bewertende Zeilen …</translation>
    </message>
    <message>
        <source>… within this duration (90s, 15m, 2h, seconds)</source>
        <translation>… innerhalb dieser Dauer (90s, 15m, 2h, Sekunden)</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>diese Hilfe anzeigen</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Usage: opsdeck --batch bench [OPTIONS]</source>
        <translation>Aufruf: opsdeck --batch bench [OPTIONEN]</translation>
    </message>
    <message>
        <source>--protocol: &apos;%1&apos; is not float32 or json</source>
        <translation>--protocol: &apos;%1&apos; ist weder float32 noch json</translation>
    </message>
    <message>
        <source>--option: &apos;%1&apos; is not key=value</source>
        <translation>--option: &apos;%1&apos; hat nicht die Form key=value</translation>
    </message>
    <message>
        <source>--rows and --duration exclude each other</source>
        <translation>--rows und --duration schließen einander aus</translation>
    </message>
    <message>
        <source>--scenario: &apos;%1&apos; is not offline, concurrency or rate</source>
        <translation>--scenario: &apos;%1&apos; ist nicht offline, concurrency oder rate</translation>
    </message>
    <message>
        <source>--concurrency needs --scenario concurrency</source>
        <translation>--concurrency erfordert --scenario concurrency</translation>
    </message>
    <message>
        <source>--rate needs --scenario rate</source>
        <translation>--rate erfordert --scenario rate</translation>
    </message>
    <message>
        <source>--scenario rate needs --rate BATCHES_PER_S</source>
        <translation>--scenario rate erfordert --rate BATCHES_PER_S</translation>
    </message>
    <message>
        <source>--poisson needs --scenario rate</source>
        <translation>--poisson erfordert --scenario rate</translation>
    </message>
    <message>
        <source>--seed: &apos;%1&apos; is not a whole number ≥ 0</source>
        <translation>--seed: &apos;%1&apos; ist keine ganze Zahl ≥ 0</translation>
    </message>
    <message>
        <source>--report: &apos;%1&apos; must end in .json or .csv</source>
        <translation>--report: &apos;%1&apos; muss auf .json oder .csv enden</translation>
    </message>
    <message>
        <source>--tolerance needs --compare</source>
        <translation>--tolerance erfordert --compare</translation>
    </message>
    <message>
        <source>--capacity-rows and --capacity-within go together</source>
        <translation>--capacity-rows und --capacity-within gehören zusammen</translation>
    </message>
    <message>
        <source>  [%1 s] %2 rows/s · p99 %3 ms%4</source>
        <translation>  [%1 s] %2 Zeilen/s · p99 %3 ms%4</translation>
    </message>
    <message>
        <source> · %1 errors</source>
        <translation> · %1 Fehler</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>graphical console</source>
        <translation>grafische Konsole</translation>
    </message>
    <message>
        <source>headless CLI</source>
        <translation>CLI ohne Oberfläche</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Globale Optionen:</translation>
    </message>
    <message>
        <source>profiles file (default $XDG_CONFIG_HOME/opsdeck/profiles.toml)</source>
        <translation>Profildatei (Standard $XDG_CONFIG_HOME/opsdeck/profiles.toml)</translation>
    </message>
    <message>
        <source>profile to use (default $OPSDECK_PROFILE, else the file&apos;s &apos;default&apos;, else its first, else &apos;local&apos;)</source>
        <translation>zu verwendendes Profil (Standard $OPSDECK_PROFILE, sonst &apos;default&apos; der Datei, sonst ihr erstes, sonst &apos;local&apos;)</translation>
    </message>
    <message>
        <source>cancel the command after SEC seconds (exit 124)</source>
        <translation>den Befehl nach SEC Sekunden abbrechen (Exit 124)</translation>
    </message>
    <message>
        <source>user interface language (en, de, fr)</source>
        <translation>Sprache der Benutzeroberfläche (en, de, fr)</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>Exit-Codes:</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>job or benchmark failed, verdict INVALID</source>
        <translation>Job oder Benchmark fehlgeschlagen, Urteil INVALID</translation>
    </message>
    <message>
        <source>usage, configuration or input error</source>
        <translation>Aufruf-, Konfigurations- oder Eingabefehler</translation>
    </message>
    <message>
        <source>threshold breached</source>
        <translation>Schwellenwert überschritten</translation>
    </message>
    <message>
        <source>authentication refused</source>
        <translation>Authentifizierung abgelehnt</translation>
    </message>
    <message>
        <source>service unreachable</source>
        <translation>Dienst nicht erreichbar</translation>
    </message>
    <message>
        <source>--timeout elapsed</source>
        <translation>--timeout abgelaufen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>opsdeck: --config needs a file</source>
        <translation>opsdeck: --config erfordert eine Datei</translation>
    </message>
    <message>
        <source>opsdeck: --profile needs a name</source>
        <translation>opsdeck: --profile erfordert einen Namen</translation>
    </message>
    <message>
        <source>opsdeck: --lang needs a language code</source>
        <translation>opsdeck: --lang erfordert einen Sprachcode</translation>
    </message>
    <message>
        <source>opsdeck: no command given</source>
        <translation>opsdeck: kein Befehl angegeben</translation>
    </message>
    <message>
        <source>opsdeck: unknown command &apos;%1&apos; (see opsdeck --help)</source>
        <translation>opsdeck: unbekannter Befehl &apos;%1&apos; (siehe opsdeck --help)</translation>
    </message>
    <message>
        <source>opsdeck: --timeout elapsed</source>
        <translation>opsdeck: --timeout abgelaufen</translation>
    </message>
    <message>
        <source>opsdeck: interrupted</source>
        <translation>opsdeck: unterbrochen</translation>
    </message>
    <message>
        <source>Print the plugins as a JSON array on stdout.</source>
        <translation>Die Plugins als JSON-Array auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>INPUT</source>
        <translation>EINGABE</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>opsdeck: no model-backend plugins found in: %1</source>
        <translation>opsdeck: keine Modell-Backend-Plugins gefunden in: %1</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>secret %1</source>
        <translation>Secret %1</translation>
    </message>
    <message>
        <source>CA %1</source>
        <translation>CA %1</translation>
    </message>
    <message>
        <source>INSECURE (no certificate verification)</source>
        <translation>UNSICHER (keine Zertifikatsprüfung)</translation>
    </message>
    <message>
        <source>Print the profiles as JSON on stdout.</source>
        <translation>Die Profile als JSON auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>DEFAULT</source>
        <translation>STANDARD</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <source>SERVICES</source>
        <translation>DIENSTE</translation>
    </message>
    <message>
        <source>scoring (%1)</source>
        <translation>Scoring (%1)</translation>
    </message>
    <message>
        <source>no profiles file at %1: using the built-in profile</source>
        <translation>keine Profildatei unter %1: das eingebaute Profil wird verwendet</translation>
    </message>
    <message>
        <source>Print the profile as JSON on stdout.</source>
        <translation>Das Profil als JSON auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>Profile to show (default: the one commands use).</source>
        <translation>Anzuzeigendes Profil (Standard: das von Befehlen verwendete).</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil:    %1</translation>
    </message>
    <message>
        <source>Source:  %1</source>
        <translation>Quelle:    %1</translation>
    </message>
    <message>
        <source>Timeout: %1 ms</source>
        <translation>Zeitlimit: %1 ms</translation>
    </message>
    <message>
        <source>SERVICE</source>
        <translation>DIENST</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>AUTH</source>
        <translation>AUTH</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>(not configured)</source>
        <translation>(nicht konfiguriert)</translation>
    </message>
    <message>
        <source>No scoring endpoints.</source>
        <translation>Keine Scoring-Endpunkte.</translation>
    </message>
    <message>
        <source>SCORING</source>
        <translation>SCORING</translation>
    </message>
    <message>
        <source>PROTOCOL</source>
        <translation>PROTOKOLL</translation>
    </message>
    <message>
        <source>HEALTH URL</source>
        <translation>HEALTH-URL</translation>
    </message>
    <message>
        <source>FEATURES</source>
        <translation>MERKMALE</translation>
    </message>
    <message>
        <source>Profiles file to check (default: --config, else the default path).</source>
        <translation>Zu prüfende Profildatei (Standard: --config, sonst der Standardpfad).</translation>
    </message>
    <message>
        <source>%1: ok (1 profile)</source>
        <translation>%1: ok (1 Profil)</translation>
    </message>
    <message>
        <source>%1: ok (%2 profiles)</source>
        <translation>%1: ok (%2 Profile)</translation>
    </message>
    <message>
        <source>Print the results as a JSON array on stdout.</source>
        <translation>Die Ergebnisse als JSON-Array auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>LATENCY MS</source>
        <translation>LATENZ MS</translation>
    </message>
    <message>
        <source>VERSION / DETAIL</source>
        <translation>VERSION / DETAILS</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: %2 service(s) checked</source>
        <translation>Profil &apos;%1&apos;: %2 Dienst(e) geprüft</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Usage: opsdeck --batch %1</source>
        <translation>Aufruf: opsdeck --batch %1</translation>
    </message>
    <message>
        <source>do not pin in-process worker threads to CPUs (by default worker i runs on the i-th CPU when there are no more threads than CPUs)</source>
        <translation>Worker-Threads im Prozess nicht an CPUs binden (standardmäßig läuft Worker i auf der i-ten CPU, wenn es nicht mehr Threads als CPUs gibt)</translation>
    </message>
    <message>
        <source>warm-up seconds, not measured (default 0.3 offline, else 1)</source>
        <translation>Sekunden Aufwärmphase, nicht gemessen (Standard 0,3 bei offline, sonst 1)</translation>
    </message>
    <message>
        <source>remote endpoint URL, or the name of a scoring endpoint of the profile (repeatable)</source>
        <translation>URL des entfernten Endpunkts oder Name eines Scoring-Endpunkts des Profils (mehrfach möglich)</translation>
    </message>
    <message>
        <source> (profile &apos;%1&apos; has no scoring endpoints)</source>
        <translation> (Profil &apos;%1&apos; hat keine Scoring-Endpunkte)</translation>
    </message>
    <message>
        <source> (profile &apos;%1&apos;: %2)</source>
        <translation> (Profil &apos;%1&apos;: %2)</translation>
    </message>
    <message>
        <source>backend &apos;%1&apos; scores on remote services: give --endpoint URL, or --endpoint NAME of a scoring endpoint of the profile%2</source>
        <translation>Backend &apos;%1&apos; bewertet auf entfernten Diensten: --endpoint URL angeben oder --endpoint NAME eines Scoring-Endpunkts des Profils%2</translation>
    </message>
    <message>
        <source>--%1: %2 is more than the %3 this option allows</source>
        <translation>--%1: %2 ist mehr als die %3, die diese Option zulässt</translation>
    </message>
    <message>
        <source>--%1: empty file name</source>
        <translation>--%1: leerer Dateiname</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is negative (0 for none)</source>
        <translation>--%1: &apos;%2&apos; ist negativ (0 für keine)</translation>
    </message>
    <message>
        <source>Latency runs from each batch&apos;s scheduled time (open loop: a batch delayed because every slot is busy counts its wait). Stability: the last 3 one-second windows within ±10% of their mean rows/s, or within one batch per slot where that is more (rate runs: each of them completed within ±10% or one batch of the rows scheduled in it); a run shorter than 3 windows is cut into 4 to 10 groups of equal batch count, each at least 50 ms long, the last 3 judged the same way. A run too short for 4 such groups (under 0.2 s), or a Poisson run shorter than 3 windows, is not judged, which does not make it INVALID. A rate run sends nothing after its schedule ends and is INVALID when it sent fewer than 90% of its scheduled batches. Stopped (--timeout, a signal), a run does not wait for remote batches in flight.</source>
        <translation>Die Latenz zählt ab dem geplanten Zeitpunkt jedes Batches (offene Schleife: ein Batch, der wartet, weil alle Plätze belegt sind, zählt seine Wartezeit mit). Stabilität: die letzten 3 Sekundenfenster innerhalb von ±10 % ihres mittleren Zeilen/s-Werts oder innerhalb eines Batches pro Platz, wo das mehr ist (Läufe mit fester Rate: jedes hat innerhalb von ±10 % oder einem Batch die darin geplanten Zeilen abgeschlossen); ein Lauf kürzer als 3 Fenster wird in 4 bis 10 Gruppen gleicher Batchzahl von je mindestens 50 ms geteilt, die letzten 3 werden ebenso beurteilt. Ein Lauf, zu kurz für 4 solche Gruppen (unter 0,2 s), oder ein Poisson-Lauf kürzer als 3 Fenster wird nicht beurteilt, was ihn nicht INVALID macht. Ein Lauf mit fester Rate sendet nach dem Ende seines Zeitplans nichts mehr und ist INVALID, wenn er weniger als 90 % seiner geplanten Batches gesendet hat. Angehalten (--timeout, ein Signal) wartet ein Lauf nicht auf entfernte Batches, die noch unterwegs sind.</translation>
    </message>
    <message>
        <source>--%1: given twice</source>
        <translation>--%1: doppelt angegeben</translation>
    </message>
    <message>
        <source>opsdeck: --timeout needs a whole number of seconds from 1 to 2147483 (24 days)</source>
        <translation>opsdeck: --timeout erfordert eine ganze Zahl von Sekunden von 1 bis 2147483 (24 Tage)</translation>
    </message>
    <message>
        <source>Exit codes: 0 VALID · 1 failed batches, stopped or INVALID (unstable, cross-check over tolerance) · 2 usage or input error · 3 threshold breached · 4 endpoint refused the credentials (HTTP 401/403 before any batch was scored) · 5 endpoint unreachable</source>
        <translation>Exit-Codes: 0 VALID · 1 fehlgeschlagene Batches, angehalten oder INVALID (instabil, Gegenprüfung über der Toleranz) · 2 Aufruf- oder Eingabefehler · 3 Schwelle verletzt · 4 Endpunkt lehnte die Anmeldedaten ab (HTTP 401/403, bevor ein Batch bewertet wurde) · 5 Endpunkt nicht erreichbar</translation>
    </message>
    <message>
        <source>opsdeck: interrupted again: exiting at once</source>
        <translation>opsdeck: erneut unterbrochen: sofortiges Ende</translation>
    </message>
    <message>
        <source>opsdeck: --timeout elapsed and &apos;%1&apos; did not stop within %2 s (it is in work that cannot be interrupted); exiting</source>
        <translation>opsdeck: --timeout abgelaufen, und &apos;%1&apos; hat nicht innerhalb von %2 s angehalten (es steckt in Arbeit, die sich nicht unterbrechen lässt); Ende</translation>
    </message>
    <message>
        <source>opsdeck: interrupted, and &apos;%1&apos; did not stop within %2 s (it is in work that cannot be interrupted); exiting</source>
        <translation>opsdeck: unterbrochen, und &apos;%1&apos; hat nicht innerhalb von %2 s angehalten (es steckt in Arbeit, die sich nicht unterbrechen lässt); Ende</translation>
    </message>
    <message>
        <source>--features: given twice (also features= in --backend or --option)</source>
        <translation>--features: doppelt angegeben (auch features= in --backend oder --option)</translation>
    </message>
    <message>
        <source>--rate: %1 is outside %2 … %3 batches/s</source>
        <translation>--rate: %1 liegt außerhalb von %2 … %3 Batches/s</translation>
    </message>
    <message>
        <source>--threads: backend &apos;%1&apos; scores on remote services, not on host threads; its batches in flight are --concurrency (or the spec&apos;s inflight=)</source>
        <translation>--threads: Backend &apos;%1&apos; bewertet auf entfernten Diensten, nicht in Threads dieses Rechners; seine laufenden Batches gibt --concurrency an (oder inflight= in der Spezifikation)</translation>
    </message>
    <message>
        <source>--features: backend &apos;%1&apos; scores lines of text, not columns</source>
        <translation>--features: Backend &apos;%1&apos; bewertet Textzeilen, keine Spalten</translation>
    </message>
    <message>
        <source>also keep the run in the run history the GUI&apos;s Scoring page lists</source>
        <translation>den Lauf auch im Verlauf der Läufe behalten, den die Seite Scoring der GUI zeigt</translation>
    </message>
    <message>
        <source> (was %1)</source>
        <translation> (war %1)</translation>
    </message>
    <message>
        <source>, %1 ms</source>
        <translation>, %1 ms</translation>
    </message>
    <message>
        <source>Print one JSON object per line on stdout.</source>
        <translation>Ein JSON-Objekt je Zeile auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; has no services to watch</source>
        <translation>Profil &apos;%1&apos; hat keine Dienste zu beobachten</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: watching %2 service(s), a round every %3 s; stop with Ctrl-C</source>
        <translation>Profil &apos;%1&apos;: %2 Dienst(e) werden beobachtet, eine Runde alle %3 s; Ende mit Strg+C</translation>
    </message>
    <message>
        <source>Only the N newest runs.</source>
        <translation>Nur die N neuesten Läufe.</translation>
    </message>
    <message>
        <source>--last needs a whole number of runs from 1</source>
        <translation>--last braucht eine ganze Zahl von Läufen ab 1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>STARTED</source>
        <translation>GESTARTET</translation>
    </message>
    <message>
        <source>BACKEND</source>
        <translation>BACKEND</translation>
    </message>
    <message>
        <source>SCENARIO</source>
        <translation>SZENARIO</translation>
    </message>
    <message>
        <source>ROWS</source>
        <translation>ZEILEN</translation>
    </message>
    <message>
        <source>ROWS/S</source>
        <translation>ZEILEN/S</translation>
    </message>
    <message>
        <source>P99 MS</source>
        <translation>P99 MS</translation>
    </message>
    <message>
        <source>VERDICT</source>
        <translation>URTEIL</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <source>opsdeck history list: no runs in %1 (opsdeck --batch bench --history and the GUI&apos;s Scoring page keep them)</source>
        <translation>opsdeck history list: keine Läufe in %1 (opsdeck --batch bench --history und die Seite Scoring der GUI bewahren sie auf)</translation>
    </message>
    <message>
        <source>the run, 1 the newest (default 1)</source>
        <translation>der Lauf, 1 der neueste (Vorgabe 1)</translation>
    </message>
    <message>
        <source>the first run (default 2)</source>
        <translation>der erste Lauf (Vorgabe 2)</translation>
    </message>
    <message>
        <source>the second run (default 1, the newest)</source>
        <translation>der zweite Lauf (Vorgabe 1, der neueste)</translation>
    </message>
    <message>
        <source>give two runs (A B), or none for the one before the newest against the newest</source>
        <translation>zwei Läufe angeben (A B) oder keinen für den vorletzten gegen den neuesten</translation>
    </message>
    <message>
        <source>METRIC</source>
        <translation>MESSGRÖSSE</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>B / A</source>
        <translation>B / A</translation>
    </message>
    <message>
        <source>Print JSON on stdout.</source>
        <translation>JSON auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>Only the runs of this backend id.</source>
        <translation>Nur die Läufe dieser Backend-ID.</translation>
    </message>
    <message>
        <source>%1 damaged entries skipped in %2</source>
        <translation>%1 beschädigte Einträge in %2 übersprungen</translation>
    </message>
    <message>
        <source>%1 holds %2 runs</source>
        <translation>%1 enthält %2 Läufe</translation>
    </message>
    <message>
        <source>%1 holds %2 runs of %3</source>
        <translation>%1 enthält %2 Läufe von %3</translation>
    </message>
    <message>
        <source>no run &apos;%1&apos;: %2</source>
        <translation>kein Lauf &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>no run &apos;%1&apos;: runs are numbered from 1, the newest, to %2 (%3)</source>
        <translation>kein Lauf &apos;%1&apos;: Läufe sind von 1, dem neuesten, bis %2 nummeriert (%3)</translation>
    </message>
    <message>
        <source>Exit 3 when B&apos;s rows/s is lower, or its p99 latency higher, than A&apos;s by more than PCT %.</source>
        <translation>Exit 3, wenn die Zeilen/s von B um mehr als PCT % niedriger oder seine p99-Latenz um mehr als PCT % höher sind als die von A.</translation>
    </message>
    <message>
        <source>--max-regression needs a percentage of 0 or more (e.g. 10)</source>
        <translation>--max-regression braucht einen Prozentsatz ab 0 (z. B. 10)</translation>
    </message>
    <message>
        <source>opsdeck history compare: B regressed beyond --max-regression %1 %: %2</source>
        <translation>opsdeck history compare: B hat sich über --max-regression %1 % hinaus verschlechtert: %2</translation>
    </message>
    <message>
        <source>the runs to remove, 1 the newest</source>
        <translation>die zu entfernenden Läufe, 1 der neueste</translation>
    </message>
    <message>
        <source>name the runs to remove (numbers as history list shows them)</source>
        <translation>die zu entfernenden Läufe angeben (Nummern wie history list sie zeigt)</translation>
    </message>
    <message>
        <source>opsdeck history remove: removed %1 runs from %2</source>
        <translation>opsdeck history remove: %1 Läufe aus %2 entfernt</translation>
    </message>
    <message>
        <source>Print the last round as a JSON array on stdout.</source>
        <translation>Die letzte Runde als JSON-Array auf stdout ausgeben.</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; has no services to wait for</source>
        <translation>Profil &apos;%1&apos; hat keine Dienste, auf die gewartet werden kann</translation>
    </message>
    <message>
        <source>waiting for: %1</source>
        <translation>warte auf: %1</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: waiting until %2 service(s) are up, a round every %3 s</source>
        <translation>Profil &apos;%1&apos;: warte, bis %2 Dienst(e) erreichbar sind, eine Runde alle %3 s</translation>
    </message>
    <message>
        <source>opsdeck services wait: not up when it ended: %1</source>
        <translation>opsdeck services wait: beim Ende nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: %2 service(s) up after %3 s</source>
        <translation>Profil &apos;%1&apos;: %2 Dienst(e) erreichbar nach %3 s</translation>
    </message>
    <message>
        <source>%1: the history changed on disk while it was read; run the command again</source>
        <translation>%1: der Verlauf wurde auf der Festplatte geändert, während er gelesen wurde; den Befehl erneut ausführen</translation>
    </message>
    <message>
        <source>Print the runs&apos; full reports as CSV on stdout, oldest first (the columns of bench --report FILE.csv).</source>
        <translation>Die vollständigen Berichte der Läufe als CSV auf stdout ausgeben, älteste zuerst (die Spalten von bench --report DATEI.csv).</translation>
    </message>
    <message>
        <source>--csv and --json exclude each other</source>
        <translation>--csv und --json schließen einander aus</translation>
    </message>
    <message>
        <source>Seconds between rounds (default %1).</source>
        <translation>Sekunden zwischen den Runden (Standard %1).</translation>
    </message>
    <message>
        <source>--interval: &apos;%1&apos; is not a number of seconds from %2 to %3</source>
        <translation>--interval: &apos;%1&apos; ist keine Sekundenzahl von %2 bis %3</translation>
    </message>
    <message>
        <source>closed loop: batches outstanding; several (1,2,4 or 1..64, doubling) sweep them, one run each</source>
        <translation>geschlossene Schleife: ausstehende Batches; mehrere (1,2,4 oder 1..64, verdoppelnd) durchlaufen sie, je ein Lauf</translation>
    </message>
    <message>
        <source>open loop: batches per second; several (100,200 or 100..1600, doubling) sweep them</source>
        <translation>offene Schleife: Batches pro Sekunde; mehrere (100,200 oder 100..1600, verdoppelnd) durchlaufen sie</translation>
    </message>
    <message>
        <source>--rate: one sweep at a time (--concurrency is one already)</source>
        <translation>--rate: nur ein Durchlauf auf einmal (--concurrency ist bereits einer)</translation>
    </message>
    <message>
        <source>--compare: a cross-check does not depend on the load; run it without a sweep</source>
        <translation>--compare: eine Gegenprüfung hängt nicht von der Last ab; ohne Lastdurchlauf ausführen</translation>
    </message>
    <message>
        <source>threshold: at most this percentage of the batches may fail (default: none may; 0.5, 1%)</source>
        <translation>Schwelle: höchstens dieser Prozentsatz der Batches darf fehlschlagen (Standard: keiner; 0.5, 1%)</translation>
    </message>
    <message>
        <source>--max-error-rate: &apos;%1&apos; is not a percentage from 0 to 100</source>
        <translation>--max-error-rate: &apos;%1&apos; ist kein Prozentsatz von 0 bis 100</translation>
    </message>
    <message>
        <source>opsdeck services wait: credentials refused in %1 rounds in a row; waiting does not mend them</source>
        <translation>opsdeck services wait: Zugangsdaten in %1 Runden nacheinander abgelehnt; Warten behebt das nicht</translation>
    </message>
    <message>
        <source>%1, sweep</source>
        <translation>%1, Durchlauf</translation>
    </message>
    <message>
        <source>a run of the sweep, any of its levels (default: the newest sweep)</source>
        <translation>ein Lauf des Durchlaufs, eine beliebige seiner Stufen (Standard: der neueste Durchlauf)</translation>
    </message>
    <message>
        <source>Compare it level by level with the sweep run M was a level of (the baseline, A).</source>
        <translation>Ihn Stufe für Stufe mit dem Durchlauf vergleichen, zu dem Lauf M gehörte (die Basis, A).</translation>
    </message>
    <message>
        <source>With --against: exit 3 when the best rows/s fell by more than PCT % from A&apos;s, or no level was VALID where A had one.</source>
        <translation>Mit --against: Exit 3, wenn die besten Zeilen/s um mehr als PCT % unter die von A fielen oder keine Stufe VALID war, wo A eine hatte.</translation>
    </message>
    <message>
        <source>--max-regression needs --against (the sweep to compare with)</source>
        <translation>--max-regression braucht --against (den Durchlauf zum Vergleich)</translation>
    </message>
    <message>
        <source>bench --concurrency 1..64 or --rate 100,200,400 with --history, or the Scoring page&apos;s Sweep</source>
        <translation>bench --concurrency 1..64 oder --rate 100,200,400 mit --history, oder der Durchlauf der Scoring-Seite</translation>
    </message>
    <message>
        <source>run %1 was not a level of a load sweep (%2)</source>
        <translation>Lauf %1 war keine Stufe eines Lastdurchlaufs (%2)</translation>
    </message>
    <message>
        <source>no load sweep in %1 (%2)</source>
        <translation>kein Lastdurchlauf in %1 (%2)</translation>
    </message>
    <message>
        <source>--against names a run of the same sweep</source>
        <translation>--against nennt einen Lauf desselben Durchlaufs</translation>
    </message>
    <message>
        <source>opsdeck history sweep: B regressed beyond --max-regression %1 %: %2</source>
        <translation>opsdeck history sweep: B hat sich über --max-regression %1 % hinaus verschlechtert: %2</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core</name>
    <message>
        <source>%1 %2: expected a JSON object</source>
        <translation>%1 %2: JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>service &apos;%1&apos; is not configured in profile &apos;%2&apos;</source>
        <translation>Dienst &apos;%1&apos; ist im Profil &apos;%2&apos; nicht eingerichtet</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; has no scoring endpoints</source>
        <translation>Profil &apos;%1&apos; hat keine Scoring-Endpunkte</translation>
    </message>
    <message>
        <source>unknown service &apos;%1&apos; in profile &apos;%2&apos; (known: %3)</source>
        <translation>unbekannter Dienst &apos;%1&apos; im Profil &apos;%2&apos; (bekannt: %3)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::BackendSpec</name>
    <message>
        <source>empty key</source>
        <translation>leerer Schlüssel</translation>
    </message>
    <message>
        <source>%1: given twice</source>
        <translation>%1: doppelt angegeben</translation>
    </message>
    <message>
        <source>%1: empty file name</source>
        <translation>%1: leerer Dateiname</translation>
    </message>
    <message>
        <source>%1: empty URL</source>
        <translation>%1: leere URL</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a whole number &gt; 0</source>
        <translation>%1: &apos;%2&apos; ist keine ganze Zahl &gt; 0</translation>
    </message>
    <message>
        <source>backend spec &apos;%1&apos;: %2</source>
        <translation>Backend-Spezifikation &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>no backend id</source>
        <translation>keine Backend-ID</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a backend id</source>
        <translation>&apos;%1&apos; ist keine Backend-ID</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not key=value</source>
        <translation>&apos;%1&apos; hat nicht die Form key=value</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty key</source>
        <translation>&apos;%1&apos; hat einen leeren Schlüssel</translation>
    </message>
    <message>
        <source>%1: %2 is more than %3</source>
        <translation>%1: %2 ist mehr als %3</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::BenchHistory</name>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>%1: cannot append: %2</source>
        <translation>%1: Anhängen nicht möglich: %2</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>incomplete line</source>
        <translation>unvollständige Zeile</translation>
    </message>
    <message>
        <source>%1:%2: skipped a corrupt history entry: %3</source>
        <translation>%1:%2: beschädigter Verlaufseintrag übersprungen: %3</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: Lesen nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1: no history entry %2</source>
        <translation>%1: kein Verlaufseintrag %2</translation>
    </message>
    <message>
        <source>%1: history entry %2 is incomplete</source>
        <translation>%1: Verlaufseintrag %2 ist unvollständig</translation>
    </message>
    <message>
        <source>%1: history entry %2 is corrupt: %3</source>
        <translation>%1: Verlaufseintrag %2 ist beschädigt: %3</translation>
    </message>
    <message>
        <source>started_at: not an ISO 8601 date and time</source>
        <translation>started_at: kein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
    <message>
        <source>%1: missing or of the wrong type</source>
        <translation>%1: fehlt oder hat den falschen Typ</translation>
    </message>
    <message>
        <source>the lock file %1 is held by another process</source>
        <translation>die Sperrdatei %1 wird von einem anderen Prozess gehalten</translation>
    </message>
    <message>
        <source>%1: cannot drop old entries: %2</source>
        <translation>%1: alte Einträge können nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>%1: dropped the oldest history entries (%2 bytes) to stay under %3 bytes</source>
        <translation>%1: die ältesten Verlaufseinträge (%2 Bytes) entfernt, um unter %3 Bytes zu bleiben</translation>
    </message>
    <message>
        <source>%1: cannot delete runs: %2</source>
        <translation>%1: Läufe nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>the history changed on disk since it was read; refresh the page (F5)</source>
        <translation>der Verlauf hat sich auf der Festplatte geändert, seit er gelesen wurde; Seite aktualisieren (F5)</translation>
    </message>
    <message>
        <source>%1: deleted %2 run(s)</source>
        <translation>%1: %2 Lauf/Läufe gelöscht</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::BenchHistoryModel</name>
    <message>
        <source>%1: no run in row %2</source>
        <translation>%1: kein Lauf in Zeile %2</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>%1: the history changed on disk since it was read; refresh the page (F5)</source>
        <translation>%1: der Verlauf hat sich auf der Festplatte geändert, seit er gelesen wurde; Seite aktualisieren (F5)</translation>
    </message>
    <message>
        <source>Concurrency %1</source>
        <translation>Nebenläufigkeit %1</translation>
    </message>
    <message>
        <source>Rate %1/s</source>
        <translation>Rate %1/s</translation>
    </message>
    <message>
        <source>%1 · sweep</source>
        <translation>%1 · Durchlauf</translation>
    </message>
    <message>
        <source>A level of a load sweep: right-click › Show its load sweep…</source>
        <translation>Eine Stufe eines Lastdurchlaufs: Rechtsklick › Seinen Lastdurchlauf zeigen…</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::BenchReport</name>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>endpoint unreachable: %1</source>
        <translation>Endpunkt nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>%1 of %2 batches failed (first: %3)</source>
        <translation>%1 von %2 Batches fehlgeschlagen (erster: %3)</translation>
    </message>
    <message>
        <source>no rows were scored</source>
        <translation>es wurden keine Zeilen bewertet</translation>
    </message>
    <message>
        <source>unstable: %1</source>
        <translation>instabil: %1</translation>
    </message>
    <message>
        <source>p99 latency %1 ms is above --max-p99 %2 ms</source>
        <translation>p99-Latenz %1 ms liegt über --max-p99 %2 ms</translation>
    </message>
    <message>
        <source>throughput %1 rows/s is below --min-throughput %2 rows/s</source>
        <translation>Durchsatz %1 Zeilen/s liegt unter --min-throughput %2 Zeilen/s</translation>
    </message>
    <message>
        <source>cross-check with %1: %2 batches failed (first: %3)</source>
        <translation>Gegenprüfung mit %1: %2 Batches fehlgeschlagen (erster: %3)</translation>
    </message>
    <message>
        <source>cross-check with %1: %2 of %3 values differ by more than %4</source>
        <translation>Gegenprüfung mit %1: %2 von %3 Werten weichen um mehr als %4 ab</translation>
    </message>
    <message>
        <source>bench report: field &apos;%1&apos; is missing or has the wrong type</source>
        <translation>Benchmark-Bericht: Feld &apos;%1&apos; fehlt oder hat den falschen Typ</translation>
    </message>
    <message>
        <source>bench report: verdict &apos;%1&apos; is neither VALID nor INVALID</source>
        <translation>Benchmark-Bericht: Urteil &apos;%1&apos; ist weder VALID noch INVALID</translation>
    </message>
    <message>
        <source>bench %1 · %2 · %3</source>
        <translation>Benchmark %1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 batches/s%2</source>
        <translation>%1 Batches/s%2</translation>
    </message>
    <message>
        <source> (Poisson)</source>
        <translation> (Poisson)</translation>
    </message>
    <message>
        <source>%1 in flight</source>
        <translation>%1 gleichzeitig</translation>
    </message>
    <message>
        <source>%1 thread(s)</source>
        <translation>%1 Thread(s)</translation>
    </message>
    <message>
        <source>scored      %1 rows in %2 batches, %3 errors, in %4 s</source>
        <translation>bewertet    %1 Zeilen in %2 Batches, %3 Fehler, in %4 s</translation>
    </message>
    <message>
        <source> (after %1 s warm-up)</source>
        <translation> (nach %1 s Aufwärmphase)</translation>
    </message>
    <message>
        <source>throughput  %1 rows/s · %2 batches/s</source>
        <translation>Durchsatz   %1 Zeilen/s · %2 Batches/s</translation>
    </message>
    <message>
        <source>latency ms  p50 %1 · p90 %2 · p95 %3 · p99 %4 · p99.9 %5 · max %6</source>
        <translation>Latenz ms   p50 %1 · p90 %2 · p95 %3 · p99 %4 · p99.9 %5 · max %6</translation>
    </message>
    <message>
        <source>stability   %1: %2</source>
        <translation>Stabilität  %1: %2</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>not stable</source>
        <translation>nicht stabil</translation>
    </message>
    <message>
        <source>compare     %1: %2 rows, max |Δ| %3, max rel %4, %5 over tolerance %6</source>
        <translation>Vergleich   %1: %2 Zeilen, max |Δ| %3, max rel. %4, %5 über Toleranz %6</translation>
    </message>
    <message>
        <source>capacity    %1</source>
        <translation>Kapazität   %1</translation>
    </message>
    <message>
        <source>verdict     %1</source>
        <translation>Urteil      %1</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: Lesen nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben nicht möglich: %2</translation>
    </message>
    <message>
        <source>input       %1 · %2 · batches of %3 · %4</source>
        <translation>Eingabe     %1 · %2 · Batches zu %3 · %4</translation>
    </message>
    <message>
        <source>%1 features</source>
        <translation>%1 Merkmale</translation>
    </message>
    <message>
        <source>text lines</source>
        <translation>Textzeilen</translation>
    </message>
    <message>
        <source>fell behind the requested rate: sent %1 of %2 scheduled batches (%3 %)</source>
        <translation>hinter der verlangten Rate zurückgeblieben: %1 von %2 geplanten Batches gesendet (%3 %)</translation>
    </message>
    <message>
        <source>schedule    %1 scheduled batches, %2 sent within the schedule, %3 missed</source>
        <translation>Zeitplan    %1 geplante Batches, %2 im Zeitplan gesendet, %3 verpasst</translation>
    </message>
    <message>
        <source>stability   %1</source>
        <translation>Stabilität  %1</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>nicht beurteilt</translation>
    </message>
    <message>
        <source>capacity    no plan: %1</source>
        <translation>Kapazität   kein Plan: %1</translation>
    </message>
    <message>
        <source>%1 thread(s), %2 pinned to CPUs</source>
        <translation>%1 Thread(s), %2 an CPUs gebunden</translation>
    </message>
    <message>
        <source>%1: is a folder</source>
        <translation>%1: ist ein Ordner</translation>
    </message>
    <message>
        <source>%1: cannot write: the folder %2 does not exist</source>
        <translation>%1: Schreiben nicht möglich: der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <source>%1: cannot write: the folder %2 is not writable</source>
        <translation>%1: Schreiben nicht möglich: der Ordner %2 ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>%1: cannot write: the file is read-only</source>
        <translation>%1: Schreiben nicht möglich: die Datei ist schreibgeschützt</translation>
    </message>
    <message>
        <source>stopped (%1 batches in flight were not awaited and are not counted)</source>
        <translation>angehalten (auf %1 Batches unterwegs wurde nicht gewartet, sie werden nicht gezählt)</translation>
    </message>
    <message>
        <source>endpoint refused the credentials: %1</source>
        <translation>Endpunkt lehnte die Anmeldedaten ab: %1</translation>
    </message>
    <message>
        <source>%1: cannot write: %2 is not a folder</source>
        <translation>%1: Schreiben nicht möglich: %2 ist kein Ordner</translation>
    </message>
    <message>
        <source>%1: no report to write</source>
        <translation>%1: kein Bericht zu schreiben</translation>
    </message>
    <message>
        <source>%1: the file name must end in .json or .csv</source>
        <translation>%1: der Dateiname muss auf .json oder .csv enden</translation>
    </message>
    <message>
        <source>endpoint    %1</source>
        <translation>Endpunkt    %1</translation>
    </message>
    <message>
        <source>… and %1 more (all of them in --json: backend_stats)</source>
        <translation>… und %1 weitere (alle in --json: backend_stats)</translation>
    </message>
    <message>
        <source>HTTP %1 × %2</source>
        <translation>HTTP %1 × %2</translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation>%1 mit Zeitüberschreitung</translation>
    </message>
    <message>
        <source>%1 connection errors</source>
        <translation>%1 Verbindungsfehler</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
    <message>
        <source>%1 ok</source>
        <translation>%1 ok</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>mean %1 ms</source>
        <translation>Mittel %1 ms</translation>
    </message>
    <message>
        <source>%1 % of the batches failed (%2 of %3, first: %4), above --max-error-rate %5 %</source>
        <translation>%1 % der Batches fehlgeschlagen (%2 von %3, zuerst: %4), über --max-error-rate %5 %</translation>
    </message>
    <message>
        <source>%1 % of the batches failed (%2 of %3), within --max-error-rate %4 % · first: %5</source>
        <translation>%1 % der Batches fehlgeschlagen (%2 von %3), innerhalb --max-error-rate %4 % · zuerst: %5</translation>
    </message>
    <message>
        <source>errors      %1</source>
        <translation>Fehler      %1</translation>
    </message>
    <message>
        <source>%1: the header differs from this version&apos;s report columns: %2 (expected columns of: %3)</source>
        <translation>%1: die Kopfzeile weicht von den Berichtsspalten dieser Version ab: %2 (erwartet Spalten aus: %3)</translation>
    </message>
    <message>
        <source>no started_at column</source>
        <translation>keine Spalte started_at</translation>
    </message>
    <message>
        <source>unknown or repeated: %1</source>
        <translation>unbekannt oder wiederholt: %1</translation>
    </message>
    <message>
        <source>p99 %1 ms</source>
        <translation>p99 %1 ms</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::BenchRun</name>
    <message>
        <source>no plugin for backend &apos;%1&apos;</source>
        <translation>kein Plugin für das Backend &apos;%1&apos;</translation>
    </message>
    <message>
        <source>give either a number of rows or a duration, not both</source>
        <translation>entweder eine Anzahl Zeilen oder eine Dauer angeben, nicht beides</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>loading the model</source>
        <translation>Modell wird geladen</translation>
    </message>
    <message>
        <source>backend &apos;%1&apos;: %2</source>
        <translation>Backend &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>the model could not be loaded</source>
        <translation>das Modell konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>the batch size must be at least 1</source>
        <translation>die Batch-Größe muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>generating data</source>
        <translation>Daten werden erzeugt</translation>
    </message>
    <message>
        <source>warming up, then measuring</source>
        <translation>Aufwärmen, dann Messen</translation>
    </message>
    <message>
        <source>measuring</source>
        <translation>Messung läuft</translation>
    </message>
    <message>
        <source>cross-checking</source>
        <translation>Gegenprüfung läuft</translation>
    </message>
    <message>
        <source>no plugin for the cross-check backend &apos;%1&apos;</source>
        <translation>kein Plugin für das Gegenprüfungs-Backend &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot cross-check &apos;%1&apos; with &apos;%2&apos;: one scores text, the other dense rows</source>
        <translation>&apos;%1&apos; und &apos;%2&apos; können nicht gegengeprüft werden: eines bewertet Text, das andere dichte Zeilen</translation>
    </message>
    <message>
        <source>cross-check backend &apos;%1&apos;: %2</source>
        <translation>Gegenprüfungs-Backend &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>cannot cross-check: &apos;%1&apos; gives %2 outputs per row, &apos;%3&apos; gives %4</source>
        <translation>Gegenprüfung nicht möglich: &apos;%1&apos; liefert %2 Ausgaben pro Zeile, &apos;%3&apos; liefert %4</translation>
    </message>
    <message>
        <source>%1backend &apos;%2&apos; scores in-process and takes no endpoint URL (%3); use a remote backend such as &apos;http&apos; for endpoints</source>
        <translation>%1Backend &apos;%2&apos; bewertet im Prozess und nimmt keine Endpunkt-URL (%3); für Endpunkte ein entferntes Backend wie &apos;http&apos; verwenden</translation>
    </message>
    <message>
        <source>cross-check </source>
        <translation>Gegenprüfungs-</translation>
    </message>
    <message>
        <source>cross-check: %1</source>
        <translation>Gegenprüfung: %1</translation>
    </message>
    <message>
        <source>--features %1 does not match the model&apos;s %2 input columns (%3)</source>
        <translation>--features %1 passt nicht zu den %2 Eingabespalten des Modells (%3)</translation>
    </message>
    <message>
        <source>the batch size %1 is too large</source>
        <translation>die Batch-Größe %1 ist zu groß</translation>
    </message>
    <message>
        <source>trying the cross-check backend</source>
        <translation>das Backend der Gegenprüfung wird erprobt</translation>
    </message>
    <message>
        <source>cross-check backend &apos;%1&apos; failed a trial batch before the run: %2</source>
        <translation>Backend der Gegenprüfung &apos;%1&apos; hat vor dem Lauf einen Probe-Batch nicht bestanden: %2</translation>
    </message>
    <message>
        <source>%1 does not match the %2 columns of %3</source>
        <translation>%1 passt nicht zu den %2 Spalten von %3</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::CapacityPlan</name>
    <message>
        <source>&apos;%1&apos; is not a duration (examples: 90s, 15m, 2h, 3600)</source>
        <translation>&apos;%1&apos; ist keine Dauer (Beispiele: 90s, 15m, 2h, 3600)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the duration must be greater than 0</source>
        <translation>&apos;%1&apos;: die Dauer muss größer als 0 sein</translation>
    </message>
    <message>
        <source>capacity plan: rows must not be negative (%1)</source>
        <translation>Kapazitätsplan: die Zeilenzahl darf nicht negativ sein (%1)</translation>
    </message>
    <message>
        <source>capacity plan: the duration must be greater than 0</source>
        <translation>Kapazitätsplan: die Dauer muss größer als 0 sein</translation>
    </message>
    <message>
        <source>capacity plan: no throughput was measured (0 rows/s), so no plan can be made</source>
        <translation>Kapazitätsplan: es wurde kein Durchsatz gemessen (0 Zeilen/s), daher ist kein Plan möglich</translation>
    </message>
    <message>
        <source>%1 node(s) score %2 rows within %3 (at %4 rows/s per node)</source>
        <translation>%1 Knoten bewerten %2 Zeilen innerhalb von %3 (bei %4 Zeilen/s pro Knoten)</translation>
    </message>
    <message>
        <source>capacity plan: %1 rows within %2 s would need more than 2^53 nodes</source>
        <translation>Kapazitätsplan: %1 Zeilen in %2 s bräuchten mehr als 2^53 Knoten</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: shorter than 1 ms</source>
        <translation>&apos;%1&apos;: kürzer als 1 ms</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: longer than 366 days</source>
        <translation>&apos;%1&apos;: länger als 366 Tage</translation>
    </message>
    <message>
        <source>%1 node(s) score %2 rows within %3 (at %4 rows/s per node: the measured rate over %5 endpoints)</source>
        <translation>%1 Knoten bewerten %2 Zeilen innerhalb von %3 (bei %4 Zeilen/s pro Knoten: die gemessene Rate über %5 Endpunkte)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::DataSource</name>
    <message>
        <source>synthetic data needs rows &gt; 0 and features &gt; 0 (got %1 × %2)</source>
        <translation>synthetische Daten brauchen Zeilen &gt; 0 und Merkmale &gt; 0 (erhalten: %1 × %2)</translation>
    </message>
    <message>
        <source>synthetic data of %1 rows × %2 features is too large</source>
        <translation>synthetische Daten mit %1 Zeilen × %2 Merkmalen sind zu groß</translation>
    </message>
    <message>
        <source>synthetic data of %1 rows × %2 features (%3 MiB) does not fit in memory</source>
        <translation>synthetische Daten mit %1 Zeilen × %2 Merkmalen (%3 MiB) passen nicht in den Speicher</translation>
    </message>
    <message>
        <source>synthetic uniform [-1,1), seed %1</source>
        <translation>synthetisch gleichverteilt [-1,1), Seed %1</translation>
    </message>
    <message>
        <source>synthetic text needs rows &gt; 0 (got %1)</source>
        <translation>synthetischer Text braucht Zeilen &gt; 0 (erhalten: %1)</translation>
    </message>
    <message>
        <source>synthetic text, seed %1</source>
        <translation>synthetischer Text, Seed %1</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>not a .npy file (bad magic)</source>
        <translation>keine .npy-Datei (falsche Magic-Bytes)</translation>
    </message>
    <message>
        <source>malformed header</source>
        <translation>fehlerhafter Header</translation>
    </message>
    <message>
        <source>unsupported format version %1.%2</source>
        <translation>nicht unterstützte Formatversion %1.%2</translation>
    </message>
    <message>
        <source>unsupported dtype &apos;%1&apos; (expected &apos;&lt;f4&apos; or &apos;&lt;f8&apos;)</source>
        <translation>nicht unterstützter dtype &apos;%1&apos; (erwartet &apos;&lt;f4&apos; oder &apos;&lt;f8&apos;)</translation>
    </message>
    <message>
        <source>Fortran-order arrays are not supported (save with C order)</source>
        <translation>Arrays in Fortran-Reihenfolge werden nicht unterstützt (mit C-Reihenfolge speichern)</translation>
    </message>
    <message>
        <source>expected a 2-D array, the shape is (%1)</source>
        <translation>2-D-Array erwartet, die Form ist (%1)</translation>
    </message>
    <message>
        <source>the array is empty (shape (%1, %2))</source>
        <translation>das Array ist leer (Form (%1, %2))</translation>
    </message>
    <message>
        <source>the array is too large (shape (%1, %2))</source>
        <translation>das Array ist zu groß (Form (%1, %2))</translation>
    </message>
    <message>
        <source>truncated data: expected %1 bytes, found %2</source>
        <translation>abgeschnittene Daten: %1 Bytes erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>does not fit in memory (shape (%1, %2))</source>
        <translation>passt nicht in den Speicher (Form (%1, %2))</translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <source>column %1: &apos;%2&apos; is not a number</source>
        <translation>Spalte %1: &apos;%2&apos; ist keine Zahl</translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>keine Datenzeilen</translation>
    </message>
    <message>
        <source>no lines</source>
        <translation>keine Zeilen</translation>
    </message>
    <message>
        <source>unsupported input format (expected .npy or .csv)</source>
        <translation>nicht unterstütztes Eingabeformat (erwartet .npy oder .csv)</translation>
    </message>
    <message>
        <source>not a text file (a NUL byte at offset %1)</source>
        <translation>keine Textdatei (ein NUL-Byte an Position %1)</translation>
    </message>
    <message>
        <source>not UTF-8 text (in the lines from %1 on)</source>
        <translation>kein UTF-8-Text (in den Zeilen ab %1)</translation>
    </message>
    <message>
        <source>not a dict</source>
        <translation>kein Dict</translation>
    </message>
    <message>
        <source>expected a quoted key at offset %1</source>
        <translation>Schlüssel in Anführungszeichen erwartet bei Offset %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; given twice</source>
        <translation>&apos;%1&apos; doppelt angegeben</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after &apos;%1&apos;</source>
        <translation>&apos;:&apos; erwartet nach &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;descr&apos; is not a simple dtype string (structured arrays are not supported)</source>
        <translation>&apos;descr&apos; ist keine einfache dtype-Zeichenkette (strukturierte Arrays werden nicht unterstützt)</translation>
    </message>
    <message>
        <source>&apos;fortran_order&apos; is not True or False</source>
        <translation>&apos;fortran_order&apos; ist weder True noch False</translation>
    </message>
    <message>
        <source>&apos;shape&apos; is not a tuple</source>
        <translation>&apos;shape&apos; ist kein Tupel</translation>
    </message>
    <message>
        <source>&apos;shape&apos; is not a tuple of whole numbers</source>
        <translation>&apos;shape&apos; ist kein Tupel ganzer Zahlen</translation>
    </message>
    <message>
        <source>unexpected key &apos;%1&apos; (a .npy header has descr, fortran_order and shape)</source>
        <translation>unerwarteter Schlüssel &apos;%1&apos; (ein .npy-Header hat descr, fortran_order und shape)</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after &apos;%1&apos;</source>
        <translation>&apos;,&apos; oder &apos;}&apos; erwartet nach &apos;%1&apos;</translation>
    </message>
    <message>
        <source>text after the dict</source>
        <translation>Text nach dem Dict</translation>
    </message>
    <message>
        <source>no &apos;%1&apos;</source>
        <translation>kein &apos;%1&apos;</translation>
    </message>
    <message>
        <source>malformed header: %1</source>
        <translation>fehlerhafter Header: %1</translation>
    </message>
    <message>
        <source>expected %1 columns (as in the header on line %3), found %2</source>
        <translation>%1 Spalten erwartet (wie im Header in Zeile %3), %2 gefunden</translation>
    </message>
    <message>
        <source>expected %1 columns (as on line %3), found %2</source>
        <translation>%1 Spalten erwartet (wie in Zeile %3), %2 gefunden</translation>
    </message>
    <message>
        <source>%1 has %2 rows; repeated to fill a batch of %3 rows it would not fit in memory (use a smaller batch size)</source>
        <translation>%1 hat %2 Zeilen; wiederholt, um einen Batch von %3 Zeilen zu füllen, passte es nicht in den Speicher (kleinere Batch-Größe verwenden)</translation>
    </message>
    <message>
        <source>larger than the %1 GiB an input may have (it is read into memory)</source>
        <translation>größer als die %1 GiB, die eine Eingabe haben darf (sie wird in den Speicher gelesen)</translation>
    </message>
    <message>
        <source>too large to read into memory (%1 bytes read)</source>
        <translation>zu groß, um in den Speicher gelesen zu werden (%1 Bytes gelesen)</translation>
    </message>
    <message>
        <source>%1 columns; at most %2 are supported</source>
        <translation>%1 Spalten; höchstens %2 werden unterstützt</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::HealthCheck</name>
    <message>
        <source>Scoring %1</source>
        <translation>Scoring %1</translation>
    </message>
    <message>
        <source>GET %1: not a Livy /batches answer (no &apos;sessions&apos;)</source>
        <translation>GET %1: keine Livy-/batches-Antwort (kein &apos;sessions&apos;)</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>%n Batch</numerusform>
            <numerusform>%n Batches</numerusform>
        </translation>
    </message>
    <message>
        <source>GET %1: not a Spark submission server answer (no &apos;serverSparkVersion&apos;)</source>
        <translation>GET %1: keine Antwort eines Spark-Submission-Servers (kein &apos;serverSparkVersion&apos;)</translation>
    </message>
    <message>
        <source>submission server</source>
        <translation>Submission-Server</translation>
    </message>
    <message>
        <source>GET %1: not a Spark monitoring API answer (no &apos;spark&apos;)</source>
        <translation>GET %1: keine Antwort der Spark-Monitoring-API (kein &apos;spark&apos;)</translation>
    </message>
    <message numerus="yes">
        <source>cluster %1 %2, %n node(s)</source>
        <translation>
            <numerusform>Cluster %1 %2, %n Knoten</numerusform>
            <numerusform>Cluster %1 %2, %n Knoten</numerusform>
        </translation>
    </message>
    <message>
        <source>no reply to PING</source>
        <translation>keine Antwort auf PING</translation>
    </message>
    <message>
        <source>mode %1</source>
        <translation>Modus %1</translation>
    </message>
    <message>
        <source>%1: set health_url or features for a one-row probe</source>
        <translation>%1: health_url oder features für eine Prüfung mit einer Zeile setzen</translation>
    </message>
    <message>
        <source>scored one row</source>
        <translation>eine Zeile bewertet</translation>
    </message>
    <message>
        <source>PUT %1: reply has %2 bytes, expected a multiple of 4</source>
        <translation>PUT %1: Antwort hat %2 Bytes, erwartet wird ein Vielfaches von 4</translation>
    </message>
    <message>
        <source>scored one row: %1</source>
        <translation>eine Zeile bewertet: %1</translation>
    </message>
    <message>
        <source>not an Elasticsearch answer: GET %1 has no &apos;version.number&apos;</source>
        <translation>keine Elasticsearch-Antwort: GET %1 hat kein &apos;version.number&apos;</translation>
    </message>
    <message>
        <source>not an Elasticsearch answer: GET %1: &apos;status&apos; is &apos;%2&apos;, expected green, yellow or red</source>
        <translation>keine Elasticsearch-Antwort: GET %1: &apos;status&apos; ist &apos;%2&apos;, erwartet green, yellow oder red</translation>
    </message>
    <message>
        <source>%1: features must be at most %2, not %3</source>
        <translation>%1: features darf höchstens %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>secret %1 was not read before the probes started</source>
        <translation>Secret %1 wurde vor Beginn der Prüfungen nicht gelesen</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::HttpClient</name>
    <message>
        <source>%1 authentication needs a secret (an environment variable or a keychain entry)</source>
        <translation>%1-Authentifizierung braucht ein Secret (eine Umgebungsvariable oder einen Schlüsselbund-Eintrag)</translation>
    </message>
    <message>
        <source>secret %1: %2</source>
        <translation>Secret %1: %2</translation>
    </message>
    <message>
        <source>: HTTP %1</source>
        <translation>: HTTP %1</translation>
    </message>
    <message>
        <source>%1: HTTP %2: malformed JSON at offset %3: %4</source>
        <translation>%1: HTTP %2: fehlerhaftes JSON an Offset %3: %4</translation>
    </message>
    <message>
        <source>: aborted</source>
        <translation>: abgebrochen</translation>
    </message>
    <message>
        <source>%1: cannot read CA file: %2</source>
        <translation>%1: CA-Datei kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: no PEM certificate found in CA file</source>
        <translation>%1: kein PEM-Zertifikat in der CA-Datei gefunden</translation>
    </message>
    <message>
        <source>: not a valid http(s) URL</source>
        <translation>: keine gültige http(s)-URL</translation>
    </message>
    <message>
        <source>: network access has shut down</source>
        <translation>: der Netzwerkzugriff wurde beendet</translation>
    </message>
    <message>
        <source>timed out after %1 ms</source>
        <translation>Zeitüberschreitung nach %1 ms</translation>
    </message>
    <message>
        <source>connection closed during the response (HTTP %1, %2 body bytes received)</source>
        <translation>Verbindung während der Antwort geschlossen (HTTP %1, %2 Body-Bytes empfangen)</translation>
    </message>
    <message>
        <source>connection closed during the response (HTTP %1, %2 of %3 body bytes received)</source>
        <translation>Verbindung während der Antwort geschlossen (HTTP %1, %2 von %3 Body-Bytes empfangen)</translation>
    </message>
    <message>
        <source>: response body larger than %1 bytes (HTTP %2)</source>
        <translation>: Antworttext größer als %1 Bytes (HTTP %2)</translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation>zu viele Weiterleitungen</translation>
    </message>
    <message>
        <source>redirect to a less secure URL refused</source>
        <translation>Weiterleitung zu einer weniger sicheren URL abgelehnt</translation>
    </message>
    <message>
        <source>redirect to another origin refused</source>
        <translation>Weiterleitung zu einem anderen Ursprung abgelehnt</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::LoadGenerator</name>
    <message>
        <source>last 3 of %1 windows of %2 s within ±10% of their mean rows/s</source>
        <translation>die letzten 3 von %1 Fenstern zu %2 s innerhalb von ±10 % ihres mittleren Zeilen/s-Werts</translation>
    </message>
    <message>
        <source>only %1 windows</source>
        <translation>nur %1 Fenster</translation>
    </message>
    <message>
        <source>last 3 windows: %1, %2, %3 rows/s (mean %4)</source>
        <translation>letzte 3 Fenster: %1, %2, %3 Zeilen/s (Mittel %4)</translation>
    </message>
    <message>
        <source>last 3 of %1 groups of %2 batches: %3, %4, %5 rows/s (mean %6)</source>
        <translation>letzte 3 von %1 Gruppen zu %2 Batches: %3, %4, %5 Zeilen/s (Mittel %6)</translation>
    </message>
    <message>
        <source>the batch size must be at least 1</source>
        <translation>die Batch-Größe muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>the batch size %1 is too large</source>
        <translation>die Batch-Größe %1 ist zu groß</translation>
    </message>
    <message>
        <source>the data has %1 rows, fewer than one batch of %2</source>
        <translation>die Daten haben %1 Zeilen, weniger als ein Batch von %2</translation>
    </message>
    <message>
        <source>nothing to run: give a number of rows or a duration</source>
        <translation>nichts auszuführen: eine Anzahl Zeilen oder eine Dauer angeben</translation>
    </message>
    <message>
        <source>the concurrency must be at least 1</source>
        <translation>die Parallelität muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>the rate must be greater than 0 batches/s</source>
        <translation>die Rate muss größer als 0 Batches/s sein</translation>
    </message>
    <message>
        <source>the warm-up must not be negative</source>
        <translation>die Aufwärmphase darf nicht negativ sein</translation>
    </message>
    <message>
        <source>at least one thread is needed</source>
        <translation>mindestens ein Thread ist nötig</translation>
    </message>
    <message>
        <source>the window length must be greater than 0</source>
        <translation>die Fensterlänge muss größer als 0 sein</translation>
    </message>
    <message>
        <source>the model reports %1 output columns</source>
        <translation>das Modell meldet %1 Ausgabespalten</translation>
    </message>
    <message>
        <source>score() failed without a message</source>
        <translation>score() ist ohne Meldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>last 3 windows within ±10% of their mean rows/s</source>
        <translation>die letzten 3 Fenster innerhalb von ±10 % ihres mittleren Zeilen/s-Werts</translation>
    </message>
    <message>
        <source>batch failed without a message</source>
        <translation>Batch ohne Meldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>run shorter than 3 windows of %1 s: %2 to %3 groups of equal batch count, each at least %4 ms long; the last 3 within ±10% of their mean rows/s</source>
        <translation>Lauf kürzer als 3 Fenster von %1 s: %2 bis %3 Gruppen gleicher Batchzahl von je mindestens %4 ms; die letzten 3 innerhalb ±10% ihres Mittelwerts in Zeilen/s</translation>
    </message>
    <message>
        <source>not judged: the run lasted %1 ms; at least %2 s is needed for %3 groups of %4 ms</source>
        <translation>nicht beurteilt: der Lauf dauerte %1 ms; für %3 Gruppen von %4 ms sind mindestens %2 s nötig</translation>
    </message>
    <message>
        <source>not judged: %1 batches in %2 ms do not make %3 groups of at least %4 ms each</source>
        <translation>nicht beurteilt: %1 Batches in %2 ms ergeben keine %3 Gruppen von je mindestens %4 ms</translation>
    </message>
    <message>
        <source>run shorter than 3 windows of %1 s: last 3 of %2 groups of equal batch count (%3 ms each on average, at least %4 ms) within ±10% of their mean rows/s</source>
        <translation>Lauf kürzer als 3 Fenster von %1 s: die letzten 3 von %2 Gruppen gleicher Batchzahl (im Mittel je %3 ms, mindestens %4 ms) innerhalb ±10% ihres Mittelwerts in Zeilen/s</translation>
    </message>
    <message>
        <source>not judged: nothing was scored</source>
        <translation>nicht beurteilt: nichts wurde bewertet</translation>
    </message>
    <message>
        <source>last 3 of %1 windows of %2 s: each completed within ±10% of the rows whose arrivals were scheduled in it (rate run)</source>
        <translation>die letzten 3 von %1 Fenstern von %2 s: jedes hat innerhalb ±10% der Zeilen abgeschlossen, deren Ankünfte darin geplant waren (Lauf mit fester Rate)</translation>
    </message>
    <message>
        <source>last 3 windows completed %1%, %2%, %3% of the rows scheduled in them</source>
        <translation>die letzten 3 Fenster haben %1%, %2%, %3% der darin geplanten Zeilen abgeschlossen</translation>
    </message>
    <message>
        <source>the rate %1 batches/s is outside %2 … %3</source>
        <translation>die Rate %1 Batches/s liegt außerhalb von %2 … %3</translation>
    </message>
    <message>
        <source>runs and warm-ups are at most 366 days</source>
        <translation>Läufe und Aufwärmphasen dauern höchstens 366 Tage</translation>
    </message>
    <message>
        <source>the model expects %1 input columns, the data (%3) has %2</source>
        <translation>das Modell erwartet %1 Eingabespalten, die Daten (%3) haben %2</translation>
    </message>
    <message>
        <source>rate run with Poisson arrivals: last 3 windows kept pace with their arrivals</source>
        <translation>Lauf mit Poisson-Ankünften: die letzten 3 Fenster hielten mit ihren Ankünften Schritt</translation>
    </message>
    <message>
        <source>not judged: only %1 windows; Poisson arrivals need 3 to be judged</source>
        <translation>nicht beurteilt: nur %1 Fenster; Poisson-Ankünfte brauchen 3 zur Beurteilung</translation>
    </message>
    <message>
        <source>run shorter than 3 windows of %1 s: %2 to %3 groups of equal batch count, each at least %4 ms long; the last 3 each completed within ±10% of the rows whose arrivals were scheduled in it (rate run)</source>
        <translation>Lauf kürzer als 3 Fenster von %1 s: %2 bis %3 Gruppen gleicher Batchzahl von je mindestens %4 ms; die letzten 3 haben jeweils innerhalb ±10% der darin geplanten Zeilen abgeschlossen (Raten-Lauf)</translation>
    </message>
    <message>
        <source>run shorter than 3 windows of %1 s: last 3 of %2 groups of equal batch count (%3 ms each on average, at least %4 ms) each completed within ±10% of the rows whose arrivals were scheduled in its span (rate run)</source>
        <translation>Lauf kürzer als 3 Fenster von %1 s: die letzten 3 von %2 Gruppen gleicher Batchzahl (im Mittel je %3 ms, mindestens %4 ms) haben jeweils innerhalb ±10% der in ihrer Spanne geplanten Zeilen abgeschlossen (Raten-Lauf)</translation>
    </message>
    <message>
        <source>last 3 of %1 groups of %2 batches completed %3%, %4%, %5% of the rows scheduled in them</source>
        <translation>die letzten 3 von %1 Gruppen zu %2 Batches haben %3%, %4%, %5% der darin geplanten Zeilen abgeschlossen</translation>
    </message>
    <message>
        <source> (group latencies sampled from 1 in %1 batches)</source>
        <translation> (Latenzen der Gruppen aus 1 von %1 Batches gezogen)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::LoadSweep</name>
    <message>
        <source>&apos;%1&apos;: &apos;%2&apos; is not a number</source>
        <translation>&apos;%1&apos;: &apos;%2&apos; ist keine Zahl</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 is not a whole number</source>
        <translation>&apos;%1&apos;: %2 ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 is outside %3 … %4</source>
        <translation>&apos;%1&apos;: %2 liegt außerhalb von %3 … %4</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: an empty level</source>
        <translation>&apos;%1&apos;: eine leere Stufe</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the range %2 does not go up</source>
        <translation>&apos;%1&apos;: der Bereich %2 steigt nicht</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: more than %2 levels</source>
        <translation>&apos;%1&apos;: mehr als %2 Stufen</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 after %3 (levels must increase)</source>
        <translation>&apos;%1&apos;: %2 nach %3 (Stufen müssen steigen)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>concurrency %1</source>
        <translation>Nebenläufigkeit %1</translation>
    </message>
    <message>
        <source>rate %1/s</source>
        <translation>Rate %1/s</translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation>Nebenläufigk.</translation>
    </message>
    <message>
        <source>batches/s</source>
        <translation>Batches/s</translation>
    </message>
    <message>
        <source>rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>best: %1 · %2 rows/s · p99 %3 ms</source>
        <translation>beste: %1 · %2 Zeilen/s · p99 %3 ms</translation>
    </message>
    <message>
        <source>capacity at it: %1</source>
        <translation>Kapazität dabei: %1</translation>
    </message>
    <message>
        <source>best: none (no level was VALID)</source>
        <translation>beste: keine (keine Stufe war VALID)</translation>
    </message>
    <message>
        <source>ended early at %1</source>
        <translation>vorzeitig beendet bei %1</translation>
    </message>
    <message>
        <source>%1 of %2 levels ran</source>
        <translation>%1 von %2 Stufen liefen</translation>
    </message>
    <message>
        <source>no runs of a load sweep</source>
        <translation>keine Läufe eines Lastdurchlaufs</translation>
    </message>
    <message>
        <source>the run of %1 was not a level of a load sweep</source>
        <translation>der Lauf von %1 war keine Stufe eines Lastdurchlaufs</translation>
    </message>
    <message>
        <source>a load sweep of the scenario &apos;%1&apos;</source>
        <translation>ein Lastdurchlauf des Szenarios &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the run of %1 belongs to another load sweep</source>
        <translation>der Lauf von %1 gehört zu einem anderen Lastdurchlauf</translation>
    </message>
    <message>
        <source>the history no longer holds its level %1</source>
        <translation>der Verlauf enthält seine Stufe %1 nicht mehr</translation>
    </message>
    <message>
        <source>a %1 sweep against a %2 sweep: compare sweeps of one kind</source>
        <translation>ein %1-Durchlauf gegen einen %2-Durchlauf: Durchläufe einer Art vergleichen</translation>
    </message>
    <message>
        <source>B has no VALID level (A&apos;s best: %1 · %2 rows/s)</source>
        <translation>B hat keine VALID-Stufe (die beste von A: %1 · %2 Zeilen/s)</translation>
    </message>
    <message>
        <source>best rows/s fell by %1 %: %2 · %3 → %4 · %5</source>
        <translation>beste Zeilen/s fielen um %1 %: %2 · %3 → %4 · %5</translation>
    </message>
    <message>
        <source>%1 · best: none (no level was VALID)</source>
        <translation>%1 · beste: keine (keine Stufe war VALID)</translation>
    </message>
    <message>
        <source>%1 · best: %2 · %3 rows/s · p99 %4 ms</source>
        <translation>%1 · beste: %2 · %3 Zeilen/s · p99 %4 ms</translation>
    </message>
    <message>
        <source>A rows/s</source>
        <translation>A Zeilen/s</translation>
    </message>
    <message>
        <source>B rows/s</source>
        <translation>B Zeilen/s</translation>
    </message>
    <message>
        <source>B/A</source>
        <translation>B/A</translation>
    </message>
    <message>
        <source>A p99 ms</source>
        <translation>A p99 ms</translation>
    </message>
    <message>
        <source>B p99 ms</source>
        <translation>B p99 ms</translation>
    </message>
    <message>
        <source>verdicts A · B</source>
        <translation>Urteile A · B</translation>
    </message>
    <message>
        <source>A  %1</source>
        <translation>A  %1</translation>
    </message>
    <message>
        <source>B  %1</source>
        <translation>B  %1</translation>
    </message>
    <message>
        <source>best rows/s B / A: %1</source>
        <translation>beste Zeilen/s B / A: %1</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::PluginRegistry</name>
    <message>
        <source>no plugin metadata</source>
        <translation>keine Plugin-Metadaten</translation>
    </message>
    <message>
        <source>IID &apos;%1&apos; is not %2</source>
        <translation>IID &apos;%1&apos; ist nicht %2</translation>
    </message>
    <message>
        <source>no plugin metadata (the plugin declares no &apos;MetaData&apos; object)</source>
        <translation>keine Plugin-Metadaten (das Plugin deklariert kein &apos;MetaData&apos;-Objekt)</translation>
    </message>
    <message>
        <source>missing field &apos;apiVersion&apos;</source>
        <translation>Feld &apos;apiVersion&apos; fehlt</translation>
    </message>
    <message>
        <source>field &apos;apiVersion&apos; must be a whole number</source>
        <translation>Feld &apos;apiVersion&apos; muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>apiVersion %1 is not supported (this build speaks %2)</source>
        <translation>apiVersion %1 wird nicht unterstützt (dieser Build spricht %2)</translation>
    </message>
    <message>
        <source>missing field &apos;%1&apos;</source>
        <translation>Feld &apos;%1&apos; fehlt</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; must be a non-empty string</source>
        <translation>Feld &apos;%1&apos; muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>inputKind &apos;%1&apos; is not one of %2</source>
        <translation>inputKind &apos;%1&apos; ist keiner von %2</translation>
    </message>
    <message>
        <source>missing field &apos;capabilities&apos;</source>
        <translation>Feld &apos;capabilities&apos; fehlt</translation>
    </message>
    <message>
        <source>field &apos;capabilities&apos; must be an array of strings</source>
        <translation>Feld &apos;capabilities&apos; muss ein Array von Zeichenketten sein</translation>
    </message>
    <message>
        <source>duplicate id &apos;%1&apos; (already provided by %2)</source>
        <translation>doppelte ID &apos;%1&apos; (bereits von %2 bereitgestellt)</translation>
    </message>
    <message>
        <source>unknown model backend &apos;%1&apos; (no plugins found in %2)</source>
        <translation>unbekanntes Modell-Backend &apos;%1&apos; (keine Plugins gefunden in %2)</translation>
    </message>
    <message>
        <source>unknown model backend &apos;%1&apos; (available: %2)</source>
        <translation>unbekanntes Modell-Backend &apos;%1&apos; (verfügbar: %2)</translation>
    </message>
    <message>
        <source>model backend &apos;%1&apos; (%2) cannot be used: %3</source>
        <translation>Modell-Backend &apos;%1&apos; (%2) kann nicht verwendet werden: %3</translation>
    </message>
    <message>
        <source>root object %1 does not implement %2</source>
        <translation>Wurzelobjekt %1 implementiert %2 nicht</translation>
    </message>
    <message>
        <source>model backend &apos;%1&apos; (%2) cannot be loaded: %3</source>
        <translation>Modell-Backend &apos;%1&apos; (%2) kann nicht geladen werden: %3</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::Profile</name>
    <message>
        <source>Livy</source>
        <translation>Livy</translation>
    </message>
    <message>
        <source>Spark REST</source>
        <translation>Spark REST</translation>
    </message>
    <message>
        <source>Spark UI</source>
        <translation>Spark UI</translation>
    </message>
    <message>
        <source>Elasticsearch</source>
        <translation>Elasticsearch</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::ProfileStore</name>
    <message>
        <source>a table</source>
        <translation>eine Tabelle</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>a floating-point number</source>
        <translation>eine Gleitkommazahl</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>ein Datum</translation>
    </message>
    <message>
        <source>a time</source>
        <translation>eine Uhrzeit</translation>
    </message>
    <message>
        <source>a date-time</source>
        <translation>ein Zeitstempel</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; (expected: %2)</source>
        <translation>unbekannter Schlüssel &apos;%1&apos; (erwartet: %2)</translation>
    </message>
    <message>
        <source>%1 must be %2, not %3</source>
        <translation>%1 muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 darf nicht leer sein</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3, not %4</source>
        <translation>%1 muss zwischen %2 und %3 liegen, nicht %4</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos;: %3</source>
        <translation>%1: &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>secrets must not be stored in the file; use secret_env or keychain</source>
        <translation>Secrets dürfen nicht in der Datei stehen; secret_env oder keychain verwenden</translation>
    </message>
    <message>
        <source>%1 must name an environment variable (letters, digits and &apos;_&apos;, not starting with a digit)</source>
        <translation>%1 muss eine Umgebungsvariable benennen (Buchstaben, Ziffern und &apos;_&apos;, nicht mit einer Ziffer beginnend)</translation>
    </message>
    <message>
        <source>%1.type: Redis authentication is a password with an optional user; use type &quot;basic&quot; or leave it out</source>
        <translation>%1.type: Redis-Authentifizierung ist ein Passwort mit optionalem Benutzer; type &quot;basic&quot; verwenden oder weglassen</translation>
    </message>
    <message>
        <source>%1: missing &apos;type&apos; (basic, bearer or apikey)</source>
        <translation>%1: &apos;type&apos; fehlt (basic, bearer oder apikey)</translation>
    </message>
    <message>
        <source>%1.type: unknown auth type &apos;%2&apos; (expected basic, bearer or apikey)</source>
        <translation>%1.type: unbekannter Authentifizierungstyp &apos;%2&apos; (erwartet basic, bearer oder apikey)</translation>
    </message>
    <message>
        <source>%1: auth type basic needs &apos;user&apos;</source>
        <translation>%1: Authentifizierungstyp basic erfordert &apos;user&apos;</translation>
    </message>
    <message>
        <source>%1: give exactly one of secret_env or keychain (the secret itself is never stored in the file)</source>
        <translation>%1: genau eines von secret_env oder keychain angeben (das Secret selbst wird nie in der Datei gespeichert)</translation>
    </message>
    <message>
        <source>an array of tables ([[%1]])</source>
        <translation>ein Array von Tabellen ([[%1]])</translation>
    </message>
    <message>
        <source>%1: unknown protocol &apos;%2&apos; (expected float32 or json)</source>
        <translation>%1: unbekanntes Protokoll &apos;%2&apos; (erwartet float32 oder json)</translation>
    </message>
    <message>
        <source>%1: missing &apos;name&apos;</source>
        <translation>%1: &apos;name&apos; fehlt</translation>
    </message>
    <message>
        <source>%1: missing &apos;url&apos;</source>
        <translation>%1: &apos;url&apos; fehlt</translation>
    </message>
    <message>
        <source>%1.name: duplicate scoring endpoint name &apos;%2&apos; (first on line %3)</source>
        <translation>%1.name: doppelter Name des Scoring-Endpunkts &apos;%2&apos; (zuerst in Zeile %3)</translation>
    </message>
    <message>
        <source>%1: cannot read: it is a folder</source>
        <translation>%1: Lesen nicht möglich: es ist ein Ordner</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: Lesen nicht möglich: %2</translation>
    </message>
    <message>
        <source>profile name &apos;%1&apos; may only contain letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>der Profilname &apos;%1&apos; darf nur Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos; enthalten</translation>
    </message>
    <message>
        <source>unknown profile &apos;%1&apos; (known: %2)</source>
        <translation>unbekanntes Profil &apos;%1&apos; (bekannt: %2)</translation>
    </message>
    <message>
        <source>%1: profile &apos;%2&apos; cannot be written as it is (an auth setting without a type?)</source>
        <translation>%1: Profil &apos;%2&apos; kann so nicht geschrieben werden (eine Authentifizierungseinstellung ohne Typ?)</translation>
    </message>
    <message>
        <source>%1: cannot write: cannot create the folder %2</source>
        <translation>%1: Schreiben nicht möglich: der Ordner %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: Schreiben nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1: cannot write: cannot set the file mode to 0600</source>
        <translation>%1: Schreiben nicht möglich: der Dateimodus kann nicht auf 0600 gesetzt werden</translation>
    </message>
    <message>
        <source>the URL must not contain a password; use secret_env or keychain</source>
        <translation>die URL darf kein Passwort enthalten; secret_env oder keychain verwenden</translation>
    </message>
    <message>
        <source>the URL must not contain a user name; use the auth table&apos;s &apos;user&apos;</source>
        <translation>die URL darf keinen Benutzernamen enthalten; &apos;user&apos; der auth-Tabelle verwenden</translation>
    </message>
    <message>
        <source>the URL has no host</source>
        <translation>die URL hat keinen Host</translation>
    </message>
    <message>
        <source>port 0 is not a usable port</source>
        <translation>Port 0 ist kein verwendbarer Port</translation>
    </message>
    <message>
        <source>the URL must not have a fragment (&apos;#…&apos;)</source>
        <translation>die URL darf kein Fragment haben (&apos;#…&apos;)</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>keine gültige URL</translation>
    </message>
    <message>
        <source>not an http:// or https:// URL</source>
        <translation>keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>the URL must not have a query (&apos;?…&apos;)</source>
        <translation>die URL darf keine Query haben (&apos;?…&apos;)</translation>
    </message>
    <message>
        <source>the database &apos;%1&apos; is not a non-negative integer</source>
        <translation>die Datenbank &apos;%1&apos; ist keine nicht negative Ganzzahl</translation>
    </message>
    <message>
        <source>unknown profile &apos;%1&apos; (the file does not exist; the only profile is the built-in &apos;local&apos;)</source>
        <translation>unbekanntes Profil &apos;%1&apos; (die Datei existiert nicht; das einzige Profil ist das eingebaute &apos;local&apos;)</translation>
    </message>
    <message>
        <source>%1: Redis connections have no TLS settings (the client speaks plain TCP only)</source>
        <translation>%1: Redis-Verbindungen haben keine TLS-Einstellungen (der Client spricht nur unverschlüsseltes TCP)</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is a folder, not a file</source>
        <translation>%1: &apos;%2&apos; ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>%1: cannot read &apos;%2&apos;: %3</source>
        <translation>%1: &apos;%2&apos; kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; holds no PEM certificate</source>
        <translation>%1: &apos;%2&apos; enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>the URL must not carry a secret in its query (&apos;%1=&apos;); use an auth table with secret_env or keychain</source>
        <translation>die URL darf kein Geheimnis in ihrer Abfrage tragen (&apos;%1=&apos;); eine auth-Tabelle mit secret_env oder keychain verwenden</translation>
    </message>
    <message>
        <source>rediss:// (Redis over TLS) is not supported: the Redis client speaks plain TCP only; use redis:// on a trusted network or through a TLS tunnel</source>
        <translation>rediss:// (Redis über TLS) wird nicht unterstützt: der Redis-Client spricht nur unverschlüsseltes TCP; redis:// in einem vertrauenswürdigen Netz oder über einen TLS-Tunnel verwenden</translation>
    </message>
    <message>
        <source>not a redis:// URL</source>
        <translation>keine redis://-URL</translation>
    </message>
    <message>
        <source>%1: cannot read: larger than %2 MiB, not a profiles file</source>
        <translation>%1: Lesen nicht möglich: größer als %2 MiB, keine Profildatei</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::RedisConnection</name>
    <message>
        <source>no connection within %1 ms</source>
        <translation>keine Verbindung innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>connection destroyed before the reply</source>
        <translation>Verbindung vor der Antwort zerstört</translation>
    </message>
    <message>
        <source>connection closed before the reply</source>
        <translation>Verbindung vor der Antwort geschlossen</translation>
    </message>
    <message>
        <source>connection closed before the command was sent</source>
        <translation>Verbindung geschlossen, bevor der Befehl gesendet wurde</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
    <message>
        <source>empty command</source>
        <translation>leerer Befehl</translation>
    </message>
    <message>
        <source>pub/sub and MONITOR need a connection of their own</source>
        <translation>Pub/Sub und MONITOR brauchen eine eigene Verbindung</translation>
    </message>
    <message>
        <source>command %1 is empty</source>
        <translation>Befehl %1 ist leer</translation>
    </message>
    <message>
        <source>command %1 (%2): pub/sub and MONITOR need a connection of their own</source>
        <translation>Befehl %1 (%2): Pub/Sub und MONITOR brauchen eine eigene Verbindung</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>could not be sent (connection is closing)</source>
        <translation>konnte nicht gesendet werden (Verbindung wird geschlossen)</translation>
    </message>
    <message>
        <source>not connected and %1 commands already queued</source>
        <translation>nicht verbunden und bereits %1 Befehle in der Warteschlange</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>kein Speicher mehr</translation>
    </message>
    <message>
        <source>could not queue the handshake</source>
        <translation>der Handshake konnte nicht eingereiht werden</translation>
    </message>
    <message>
        <source>connection lost: %1</source>
        <translation>Verbindung verloren: %1</translation>
    </message>
    <message>
        <source>cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>connection lost before the reply (%1)</source>
        <translation>Verbindung vor der Antwort verloren (%1)</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>nicht gesendet: %1</translation>
    </message>
    <message>
        <source>no reply within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>not connected within %1 ms</source>
        <translation>nicht innerhalb von %1 ms verbunden</translation>
    </message>
    <message numerus="yes">
        <source>pipeline of %n command(s)</source>
        <translation>
            <numerusform>Pipeline mit %n Befehl</numerusform>
            <numerusform>Pipeline mit %n Befehlen</numerusform>
        </translation>
    </message>
    <message>
        <source>not a Redis server: protocol error (%1)</source>
        <translation>kein Redis-Server: Protokollfehler (%1)</translation>
    </message>
    <message>
        <source>host name %1 not looked up within %2 ms</source>
        <translation>Hostname %1 nicht innerhalb von %2 ms aufgelöst</translation>
    </message>
    <message>
        <source>cannot look up host name %1: %2</source>
        <translation>Hostname %1 kann nicht aufgelöst werden: %2</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::RemoteAccess</name>
    <message>
        <source>endpoint &apos;%1&apos; is neither a URL nor a scoring endpoint of profile &apos;%2&apos; (known: %3)</source>
        <translation>Endpunkt &apos;%1&apos; ist weder eine URL noch ein Scoring-Endpunkt des Profils &apos;%2&apos; (bekannt: %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>scoring endpoints &apos;%1&apos; and &apos;%2&apos; of profile &apos;%3&apos; differ in protocol, authentication or TLS (%4 against %5); one run uses one setting, so benchmark them separately</source>
        <translation>die Scoring-Endpunkte &apos;%1&apos; und &apos;%2&apos; des Profils &apos;%3&apos; unterscheiden sich in Protokoll, Authentifizierung oder TLS (%4 gegenüber %5); ein Lauf verwendet eine Einstellung, also getrennt benchmarken</translation>
    </message>
    <message>
        <source>scoring endpoints &apos;%1&apos; and &apos;%2&apos; of profile &apos;%3&apos; take different feature counts (%4 and %5)</source>
        <translation>die Scoring-Endpunkte &apos;%1&apos; und &apos;%2&apos; des Profils &apos;%3&apos; erwarten verschiedene Merkmalszahlen (%4 und %5)</translation>
    </message>
    <message>
        <source>scoring endpoint &apos;%1&apos; of profile &apos;%2&apos; has %3=%4, but %3=%5 was given</source>
        <translation>Scoring-Endpunkt &apos;%1&apos; des Profils &apos;%2&apos; hat %3=%4, angegeben wurde aber %3=%5</translation>
    </message>
    <message>
        <source>scoring endpoint &apos;%1&apos; of profile &apos;%2&apos; takes %3 features, but %4 were given</source>
        <translation>Scoring-Endpunkt &apos;%1&apos; des Profils &apos;%2&apos; erwartet %3 Merkmale, angegeben wurden aber %4</translation>
    </message>
    <message>
        <source>authorization= would put a secret on a command line or in a report; use auth=bearer|basic|apikey with secret_env=VAR, or a profile&apos;s scoring endpoint</source>
        <translation>authorization= würde ein Secret in eine Befehlszeile oder einen Bericht bringen; auth=bearer|basic|apikey mit secret_env=VAR oder einen Scoring-Endpunkt eines Profils verwenden</translation>
    </message>
    <message>
        <source>user, secret_env and secret_keychain need auth=bearer, basic or apikey</source>
        <translation>user, secret_env und secret_keychain erfordern auth=bearer, basic oder apikey</translation>
    </message>
    <message>
        <source>auth=%1 is not one of bearer, basic, apikey</source>
        <translation>auth=%1 ist keiner von bearer, basic, apikey</translation>
    </message>
    <message>
        <source>give secret_env or secret_keychain, not both</source>
        <translation>secret_env oder secret_keychain angeben, nicht beides</translation>
    </message>
    <message>
        <source>auth=basic needs user=NAME</source>
        <translation>auth=basic erfordert user=NAME</translation>
    </message>
    <message>
        <source>backend &apos;%1&apos;: %2</source>
        <translation>Backend &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>ca_file: empty file name</source>
        <translation>ca_file: leerer Dateiname</translation>
    </message>
    <message>
        <source>insecure=%1 is not true or false</source>
        <translation>insecure=%1 ist weder true noch false</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::RunComparison</name>
    <message>
        <source>concurrency %1</source>
        <translation>Parallelität %1</translation>
    </message>
    <message>
        <source>rate %1 batches/s (Poisson)</source>
        <translation>Rate %1 Batches/s (Poisson)</translation>
    </message>
    <message>
        <source>rate %1 batches/s</source>
        <translation>Rate %1 Batches/s</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>verschieden</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>%1 s later</source>
        <translation>%1 s später</translation>
    </message>
    <message>
        <source>%1 s earlier</source>
        <translation>%1 s früher</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>%1 · batches of %2</source>
        <translation>%1 · Batches zu %2</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p50 (ms)</source>
        <translation>p50 (ms)</translation>
    </message>
    <message>
        <source>p90 (ms)</source>
        <translation>p90 (ms)</translation>
    </message>
    <message>
        <source>p95 (ms)</source>
        <translation>p95 (ms)</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <source>p99.9 (ms)</source>
        <translation>p99,9 (ms)</translation>
    </message>
    <message>
        <source>max (ms)</source>
        <translation>Max. (ms)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>rows/s fell by %1 % (%2 → %3)</source>
        <translation>Zeilen/s fielen um %1 % (%2 → %3)</translation>
    </message>
    <message>
        <source>by %1 %</source>
        <translation>um %1 %</translation>
    </message>
    <message>
        <source>from 0</source>
        <translation>von 0 aus</translation>
    </message>
    <message>
        <source>p99 latency rose %1 (%2 ms → %3 ms)</source>
        <translation>p99-Latenz stieg %1 (%2 ms → %3 ms)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::Secrets</name>
    <message>
        <source>the system keychain did not answer within %1 s</source>
        <translation>der Schlüsselbund des Systems hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>not found in the system keychain (service &quot;%1&quot;)</source>
        <translation>nicht im Schlüsselbund des Systems gefunden (Dienst &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>access to the system keychain was denied (%1)</source>
        <translation>der Zugriff auf den Schlüsselbund des Systems wurde verweigert (%1)</translation>
    </message>
    <message>
        <source>no system keychain service is available (%1)</source>
        <translation>kein Schlüsselbund-Dienst des Systems verfügbar (%1)</translation>
    </message>
    <message>
        <source>the system keychain failed: %1</source>
        <translation>der Schlüsselbund des Systems ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source> (no D-Bus session bus: no keychain service is available)</source>
        <translation> (kein D-Bus-Sitzungsbus: kein Schlüsselbund-Dienst verfügbar)</translation>
    </message>
    <message>
        <source>secret %1 is not set</source>
        <translation>Secret %1 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>no secret reference (secret_env or keychain) is given</source>
        <translation>kein Secret-Verweis (secret_env oder keychain) angegeben</translation>
    </message>
    <message>
        <source>secret %1: reading the keychain needs a running application</source>
        <translation>Secret %1: das Lesen des Schlüsselbunds erfordert eine laufende Anwendung</translation>
    </message>
    <message>
        <source>secret %1: %2</source>
        <translation>Secret %1: %2</translation>
    </message>
    <message>
        <source>secret %1 is empty</source>
        <translation>Secret %1 ist leer</translation>
    </message>
    <message>
        <source>a keychain key must not be empty</source>
        <translation>ein Schlüsselbund-Schlüssel darf nicht leer sein</translation>
    </message>
    <message>
        <source>keychain:%1: writing the keychain needs a running application</source>
        <translation>keychain:%1: das Schreiben in den Schlüsselbund erfordert eine laufende Anwendung</translation>
    </message>
    <message>
        <source>keychain:%1: cannot store the secret: %2</source>
        <translation>keychain:%1: das Secret kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>the keychain request was cancelled: the run was stopped</source>
        <translation>die Schlüsselbund-Anfrage wurde abgebrochen: der Lauf wurde gestoppt</translation>
    </message>
    <message>
        <source>the application was busy and did not take up the keychain request within %1 s</source>
        <translation>die Anwendung war beschäftigt und hat die Schlüsselbund-Anfrage nicht innerhalb von %1 s übernommen</translation>
    </message>
    <message>
        <source>the system keychain has not answered an earlier request yet; it is not asked again until it does</source>
        <translation>der Schlüsselbund des Systems hat eine frühere Anfrage noch nicht beantwortet; er wird erst wieder gefragt, wenn er das tut</translation>
    </message>
    <message>
        <source>secret %1: a read that does not wait must start on the application&apos;s thread</source>
        <translation>Secret %1: ein Lesen ohne Warten muss im Thread der Anwendung beginnen</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui</name>
    <message>
        <source>Operator console for the job and scoring platform.</source>
        <translation>Bedienkonsole für die Job- und Scoring-Plattform.</translation>
    </message>
    <message>
        <source>Read the connection profiles from FILE.</source>
        <translation>Die Verbindungsprofile aus DATEI lesen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Start on the profile NAME.</source>
        <translation>Mit dem Profil NAME starten.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Use the language CODE (de, fr, …).</source>
        <translation>Die Sprache CODE verwenden (de, fr, …).</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>Usage: opsdeck [--config FILE] [--profile NAME] [--lang CODE]; opsdeck --help for all commands</source>
        <translation>Aufruf: opsdeck [--config DATEI] [--profile NAME] [--lang CODE]; opsdeck --help für alle Befehle</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no translation for &apos;%1&apos;; using English</source>
        <translation>keine Übersetzung für &apos;%1&apos;; Englisch wird verwendet</translation>
    </message>
    <message>
        <source>opsdeck: terminated again: exiting at once</source>
        <translation>opsdeck: erneut beendet: sofortiges Ende</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::BenchChart</name>
    <message>
        <source>M rows/s</source>
        <translation>Mio. Zeilen/s</translation>
    </message>
    <message>
        <source>k rows/s</source>
        <translation>Tsd. Zeilen/s</translation>
    </message>
    <message>
        <source>rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <source>Throughput per window</source>
        <translation>Durchsatz je Fenster</translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation>p50-Latenz</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99-Latenz</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Rows per second per window</source>
        <translation>Zeilen pro Sekunde je Fenster</translation>
    </message>
    <message>
        <source>p50 and p99 latency per window</source>
        <translation>p50- und p99-Latenz je Fenster</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::LatencyChart</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Latency history</source>
        <translation>Latenzverlauf</translation>
    </message>
    <message>
        <source>▲ on the time axis: the service did not answer that round.</source>
        <translation>▲ auf der Zeitachse: der Dienst hat in dieser Runde nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::LatencyHistogramChart</name>
    <message>
        <source>Batch latency (ms, log scale)</source>
        <translation>Batch-Latenz (ms, logarithmisch)</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>Batches per latency bin</source>
        <translation>Batches je Latenzklasse</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>Latenzhistogramm</translation>
    </message>
    <message>
        <source>No batch completed, so there is no latency to show.</source>
        <translation>Kein Batch wurde abgeschlossen, daher gibt es keine Latenz anzuzeigen.</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>%1: %2 ms</source>
        <translation>%1: %2 ms</translation>
    </message>
    <message>
        <source>The latency histogram of a run appears here when the run ends.</source>
        <translation>Das Latenzhistogramm eines Laufs erscheint hier, sobald der Lauf endet.</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::LoadSweepDialog</name>
    <message>
        <source>Load sweep</source>
        <translation>Lastdurchlauf</translation>
    </message>
    <message>
        <source>INVALID level</source>
        <translation>Stufe INVALID</translation>
    </message>
    <message>
        <source>Rows per second at each load level</source>
        <translation>Zeilen pro Sekunde auf jeder Laststufe</translation>
    </message>
    <message>
        <source>p99 latency at each load level</source>
        <translation>p99-Latenz auf jeder Laststufe</translation>
    </message>
    <message>
        <source>Load levels</source>
        <translation>Laststufen</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Rows/s</source>
        <translation>Zeilen/s</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Concurrency (batches outstanding)</source>
        <translation>Nebenläufigkeit (ausstehende Batches)</translation>
    </message>
    <message>
        <source>Rate (batches/s)</source>
        <translation>Rate (Batches/s)</translation>
    </message>
    <message>
        <source>%1 of %2 levels done; next: %3.</source>
        <translation>%1 von %2 Stufen fertig; als Nächstes: %3.</translation>
    </message>
    <message>
        <source>Best so far: %1.</source>
        <translation>Bisher beste: %1.</translation>
    </message>
    <message>
        <source>Load sweep of %1</source>
        <translation>Lastdurchlauf vom %1</translation>
    </message>
    <message>
        <source>A: sweep of %1</source>
        <translation>A: Durchlauf vom %1</translation>
    </message>
    <message>
        <source>B: sweep of %1</source>
        <translation>B: Durchlauf vom %1</translation>
    </message>
    <message>
        <source>Load sweep of %1 against %2</source>
        <translation>Lastdurchlauf vom %1 gegen %2</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::MainWindow</name>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Dienste</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>The connection profile every page uses</source>
        <translation>Das Verbindungsprofil, das alle Seiten verwenden</translation>
    </message>
    <message>
        <source>&amp;Edit profiles…</source>
        <translation>&amp;Profile bearbeiten…</translation>
    </message>
    <message>
        <source>Add, change or remove connection profiles</source>
        <translation>Verbindungsprofile hinzufügen, ändern oder entfernen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the page shown now</source>
        <translation>Die angezeigte Seite aktualisieren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Opsdeck</source>
        <translation>&amp;Über Opsdeck</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>%1
Running on the built-in profile &apos;local&apos;; File ▸ Edit profiles… can fix the file.</source>
        <translation>%1
Es läuft das eingebaute Profil &apos;local&apos;; Datei ▸ Profile bearbeiten… kann die Datei korrigieren.</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>%1 (asked for by %2)</source>
        <translation>%1 (angefordert durch %2)</translation>
    </message>
    <message>
        <source>unknown profile &apos;%1&apos;</source>
        <translation>unbekanntes Profil &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Opsdeck — %1</source>
        <translation>Opsdeck — %1</translation>
    </message>
    <message>
        <source>Profiles saved to %1</source>
        <translation>Profile gespeichert in %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>built-in profile</source>
        <translation>eingebautes Profil</translation>
    </message>
    <message>
        <source>No profiles file: %1 does not exist</source>
        <translation>Keine Profildatei: %1 existiert nicht</translation>
    </message>
    <message>
        <source>Profiles file</source>
        <translation>Profildatei</translation>
    </message>
    <message>
        <source>About Opsdeck</source>
        <translation>Über Opsdeck</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Opsdeck %1&lt;/h3&gt;&lt;p&gt;Operator console for the job and scoring platform: Spark through Livy and the Spark REST API, Celery over Redis, Elasticsearch results and model scoring services.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Opsdeck %1&lt;/h3&gt;&lt;p&gt;Bedienkonsole für die Job- und Scoring-Plattform: Spark über Livy und die Spark-REST-API, Celery über Redis, Elasticsearch-Ergebnisse und Modell-Scoring-Dienste.&lt;/p&gt;&lt;p&gt;Gebaut mit Qt %2, läuft auf Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>S&amp;coring</source>
        <translation>S&amp;coring</translation>
    </message>
    <message>
        <source>Close Opsdeck</source>
        <translation>Opsdeck schließen</translation>
    </message>
    <message>
        <source>&amp;Stop and close</source>
        <translation>Lauf an&amp;halten und schließen</translation>
    </message>
    <message>
        <source>The work in flight is still stopping: a batch or a model load that cannot be interrupted has not ended yet. The window closes by itself once it has.

Quit now instead? What the run measured is lost.</source>
        <translation>Die laufende Arbeit wird noch beendet: Ein Batch oder das Laden eines Modells, das sich nicht unterbrechen lässt, ist noch nicht fertig. Das Fenster schließt sich von selbst, sobald es so weit ist.

Stattdessen jetzt beenden? Was der Lauf gemessen hat, geht verloren.</translation>
    </message>
    <message>
        <source>&amp;Quit now</source>
        <translation>&amp;Jetzt beenden</translation>
    </message>
    <message>
        <source>&amp;Keep waiting</source>
        <translation>&amp;Weiter warten</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::MessageBanner</name>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::ProfileEditorDialog</name>
    <message>
        <source>Edit profiles</source>
        <translation>Profile bearbeiten</translation>
    </message>
    <message>
        <source>%1 could not be read: %2
Saving replaces it with the profiles shown here.</source>
        <translation>%1 konnte nicht gelesen werden: %2
Speichern ersetzt die Datei durch die hier angezeigten Profile.</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>&amp;Profiles:</source>
        <translation>&amp;Profile:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Set de&amp;fault</source>
        <translation>Als Standard &amp;festlegen</translation>
    </message>
    <message>
        <source>Use this profile when none is chosen with --profile</source>
        <translation>Dieses Profil verwenden, wenn keines mit --profile gewählt ist</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long one request to a service may take</source>
        <translation>Wie lange eine Anfrage an einen Dienst dauern darf</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Health URL</source>
        <translation>Health-URL</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Scoring endpoints</source>
        <translation>Scoring-Endpunkte</translation>
    </message>
    <message>
        <source>Add end&amp;point</source>
        <translation>Endp&amp;unkt hinzufügen</translation>
    </message>
    <message>
        <source>Remo&amp;ve endpoint</source>
        <translation>Endpunkt entfe&amp;rnen</translation>
    </message>
    <message>
        <source>Endpoints scored by the benchmark and probed by the Services page. Without a health URL the probe scores one row of zeros (needs Features).</source>
        <translation>Endpunkte, die der Benchmark bewertet und die Seite Dienste prüft. Ohne Health-URL bewertet die Prüfung eine Zeile aus Nullen (erfordert Merkmale).</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Write the profiles file (Ctrl+S)</source>
        <translation>Die Profildatei schreiben (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>score-%1</source>
        <translation>score-%1</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>new-profile</source>
        <translation>neues-profil</translation>
    </message>
    <message>
        <source>-copy</source>
        <translation>-kopie</translation>
    </message>
    <message>
        <source>Name: a profile needs a name</source>
        <translation>Name: ein Profil braucht einen Namen</translation>
    </message>
    <message>
        <source>Name: there is already a profile called &apos;%1&apos;</source>
        <translation>Name: es gibt bereits ein Profil namens &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Scoring endpoint %1</source>
        <translation>Scoring-Endpunkt %1</translation>
    </message>
    <message>
        <source>Scoring endpoint &apos;%1&apos;</source>
        <translation>Scoring-Endpunkt &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: the name is empty</source>
        <translation>%1: der Name ist leer</translation>
    </message>
    <message>
        <source>%1: the name is used twice</source>
        <translation>%1: der Name wird doppelt verwendet</translation>
    </message>
    <message>
        <source>%1 URL: %2</source>
        <translation>%1, URL: %2</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>keine gültige URL</translation>
    </message>
    <message>
        <source>%1 URL: an endpoint needs a URL</source>
        <translation>%1, URL: ein Endpunkt braucht eine URL</translation>
    </message>
    <message>
        <source>%1 health URL: %2</source>
        <translation>%1, Health-URL: %2</translation>
    </message>
    <message>
        <source>%1: features must be 0 (unknown) or more</source>
        <translation>%1: Merkmale müssen 0 (unbekannt) oder mehr sein</translation>
    </message>
    <message>
        <source>an endpoint needs a URL</source>
        <translation>ein Endpunkt braucht eine URL</translation>
    </message>
    <message>
        <source>Not saved: profile &apos;%1&apos;: %2</source>
        <translation>Nicht gespeichert: Profil &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Save the changes to the profiles in %1?</source>
        <translation>Änderungen an den Profilen in %1 speichern?</translation>
    </message>
    <message>
        <source>Changes that are not saved are lost.</source>
        <translation>Nicht gespeicherte Änderungen gehen verloren.</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::RunCompareDialog</name>
    <message>
        <source>Compare benchmark runs</source>
        <translation>Benchmark-Läufe vergleichen</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Run A</source>
        <translation>Lauf A</translation>
    </message>
    <message>
        <source>Run B</source>
        <translation>Lauf B</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>B / A</source>
        <translation>B / A</translation>
    </message>
    <message>
        <source>Run A and run B side by side</source>
        <translation>Lauf A und Lauf B nebeneinander</translation>
    </message>
    <message>
        <source>A is the earlier run. Green: B is better; red: B is worse.</source>
        <translation>A ist der frühere Lauf. Grün: B ist besser; rot: B ist schlechter.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::RunTrendDialog</name>
    <message>
        <source>Benchmark runs over time</source>
        <translation>Benchmark-Läufe im Zeitverlauf</translation>
    </message>
    <message>
        <source>Start of the run</source>
        <translation>Start des Laufs</translation>
    </message>
    <message>
        <source>INVALID run</source>
        <translation>Lauf INVALID</translation>
    </message>
    <message>
        <source>Rows per second of each run over time</source>
        <translation>Zeilen pro Sekunde jedes Laufs im Zeitverlauf</translation>
    </message>
    <message>
        <source>p99 latency of each run over time</source>
        <translation>p99-Latenz jedes Laufs im Zeitverlauf</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 runs of %2, %3.</source>
        <translation>%1 Läufe von %2, %3.</translation>
    </message>
    <message>
        <source>They are of different backends or scenarios: filter the history to one to compare like with like.</source>
        <translation>Sie stammen von verschiedenen Backends oder Szenarien: den Verlauf auf eines filtern, um Gleiches mit Gleichem zu vergleichen.</translation>
    </message>
    <message>
        <source>Large red points: INVALID runs.</source>
        <translation>Große rote Punkte: Läufe INVALID.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::ScoringPage</name>
    <message>
        <source>No run yet: pick a backend and press Start (Ctrl+Return)</source>
        <translation>Noch kein Lauf: Backend wählen und Starten drücken (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>empty: the backend&apos;s default</source>
        <translation>leer: Vorgabe des Backends</translation>
    </message>
    <message>
        <source>The model file the backend loads (linear: JSON or CSV weights; empty: synthetic)</source>
        <translation>Die Modelldatei, die das Backend lädt (linear: Gewichte als JSON oder CSV; leer: synthetisch)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose the model file</source>
        <translation>Modelldatei auswählen</translation>
    </message>
    <message>
        <source>&amp;Model file:</source>
        <translation>&amp;Modelldatei:</translation>
    </message>
    <message>
        <source>E&amp;ndpoints:</source>
        <translation>E&amp;ndpunkte:</translation>
    </message>
    <message>
        <source>float32 (binary)</source>
        <translation>float32 (binär)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Pr&amp;otocol:</source>
        <translation>Pr&amp;otokoll:</translation>
    </message>
    <message>
        <source>model&apos;s</source>
        <translation>vom Modell</translation>
    </message>
    <message>
        <source>Input columns per row; synthetic models and data take 100 unless set</source>
        <translation>Eingabespalten pro Zeile; synthetische Modelle und Daten nehmen 100, wenn nichts gesetzt ist</translation>
    </message>
    <message>
        <source>Feat&amp;ures:</source>
        <translation>Mer&amp;kmale:</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Zeilen:</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>Rows to score</source>
        <translation>Zu bewertende Zeilen</translation>
    </message>
    <message>
        <source>Rows to score; default 2,000,000 in process, 20,000 remote</source>
        <translation>Zu bewertende Zeilen; Vorgabe 2.000.000 im Prozess, 20.000 entfernt</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>Da&amp;uer:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds to run</source>
        <translation>Laufzeit in Sekunden</translation>
    </message>
    <message>
        <source>Rows per batch; default 10,000 in process, 1,000 remote</source>
        <translation>Zeilen pro Batch; Vorgabe 10.000 im Prozess, 1.000 entfernt</translation>
    </message>
    <message>
        <source>Batch si&amp;ze:</source>
        <translation>Batch&amp;größe:</translation>
    </message>
    <message>
        <source>Every row as fast as possible</source>
        <translation>Alle Zeilen so schnell wie möglich</translation>
    </message>
    <message>
        <source>Closed loop: a fixed number of batches outstanding</source>
        <translation>Geschlossener Kreis: eine feste Zahl ausstehender Batches</translation>
    </message>
    <message>
        <source>Open loop: batches sent on a schedule, whatever the answers do</source>
        <translation>Offener Kreis: Batches nach Zeitplan senden, unabhängig von den Antworten</translation>
    </message>
    <message>
        <source>Sc&amp;enario:</source>
        <translation>Sz&amp;enario:</translation>
    </message>
    <message>
        <source>Co&amp;ncurrency:</source>
        <translation>Para&amp;llelität:</translation>
    </message>
    <message>
        <source> batches/s</source>
        <translation> Batches/s</translation>
    </message>
    <message>
        <source>Poisson arriva&amp;ls</source>
        <translation>Poisson-Ankün&amp;fte</translation>
    </message>
    <message>
        <source>Random (exponential) gaps between batches instead of a fixed interval</source>
        <translation>Zufällige (exponentielle) Abstände zwischen Batches statt eines festen Intervalls</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>&amp;Rate:</translation>
    </message>
    <message>
        <source>Seconds of load before the measured part (not counted)</source>
        <translation>Sekunden Last vor dem gemessenen Teil (nicht gezählt)</translation>
    </message>
    <message>
        <source>&amp;Warm-up:</source>
        <translation>Auf&amp;wärmen:</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Host threads scoring in process; auto: one per core</source>
        <translation>Threads des Rechners, die im Prozess bewerten; automatisch: einer pro Kern</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>empty: synthetic rows</source>
        <translation>leer: synthetische Zeilen</translation>
    </message>
    <message>
        <source>.npy or .csv rows (text backends: one line per row)</source>
        <translation>Zeilen als .npy oder .csv (Text-Backends: eine Zeile pro Eintrag)</translation>
    </message>
    <message>
        <source>Choose the input file</source>
        <translation>Eingabedatei auswählen</translation>
    </message>
    <message>
        <source>&amp;Input file:</source>
        <translation>E&amp;ingabedatei:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>INVALID when the p99 latency is above this</source>
        <translation>INVALID, wenn die p99-Latenz darüber liegt</translation>
    </message>
    <message>
        <source>Max p&amp;99:</source>
        <translation>Max. p&amp;99:</translation>
    </message>
    <message>
        <source> rows/s</source>
        <translation> Zeilen/s</translation>
    </message>
    <message>
        <source>INVALID when the throughput is below this</source>
        <translation>INVALID, wenn der Durchsatz darunter liegt</translation>
    </message>
    <message>
        <source>Min throu&amp;ghput:</source>
        <translation>Min. Dur&amp;chsatz:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start the benchmark (Ctrl+Return)</source>
        <translation>Benchmark starten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the run: batches in flight complete, the result is INVALID (Esc, Ctrl+.)</source>
        <translation>Lauf anhalten: laufende Batches werden abgeschlossen, das Ergebnis ist INVALID (Esc, Strg+.)</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>Models (*.json *.csv *.ubj *.bin *.ftz *.model);;All files (*)</source>
        <translation>Modelle (*.json *.csv *.ubj *.bin *.ftz *.model);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Input rows</source>
        <translation>Eingabezeilen</translation>
    </message>
    <message>
        <source>Rows (*.npy *.csv *.txt);;All files (*)</source>
        <translation>Zeilen (*.npy *.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Past runs</source>
        <translation>Frühere Läufe</translation>
    </message>
    <message>
        <source>Run histor&amp;y:</source>
        <translation>&amp;Verlauf:</translation>
    </message>
    <message>
        <source>E&amp;xport report…</source>
        <translation>Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Show the two selected runs side by side</source>
        <translation>Die zwei ausgewählten Läufe nebeneinander zeigen</translation>
    </message>
    <message>
        <source>%1 — cannot be used</source>
        <translation>%1 — nicht verwendbar</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 %2 (%3)
%4</source>
        <translation>%1 %2 (%3)
%4</translation>
    </message>
    <message>
        <source>No usable model-backend plugin in %1</source>
        <translation>Kein verwendbares Modell-Backend-Plugin in %1</translation>
    </message>
    <message>
        <source>Backend: choose one</source>
        <translation>Backend: bitte eines wählen</translation>
    </message>
    <message>
        <source>Backend: no usable model-backend plugin was found in %1</source>
        <translation>Backend: in %1 wurde kein verwendbares Modell-Backend-Plugin gefunden</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <source>Endpoints, line %1: %2 (%3)</source>
        <translation>Endpunkte, Zeile %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Endpoints: the %1 backend needs at least one endpoint URL</source>
        <translation>Endpunkte: das Backend %1 braucht mindestens eine Endpunkt-URL</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>Scoring: %1</source>
        <translation>Scoring: %1</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>%1 wird gestartet…</translation>
    </message>
    <message>
        <source>Stopping: batches in flight complete first…</source>
        <translation>Wird angehalten: laufende Batches werden erst abgeschlossen…</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Benchmark failed: %1</source>
        <translation>Benchmark fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The run could not be added to the history: %1</source>
        <translation>Der Lauf konnte nicht in den Verlauf aufgenommen werden: %1</translation>
    </message>
    <message>
        <source>Stopped after %1 rows: %2</source>
        <translation>Nach %1 Zeilen angehalten: %2</translation>
    </message>
    <message>
        <source>Finished: %1, %2 rows/s, p99 %3 ms</source>
        <translation>Beendet: %1, %2 Zeilen/s, p99 %3 ms</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Urteil: %1</translation>
    </message>
    <message>
        <source>%1 · %2: the run could not be set up</source>
        <translation>%1 · %2: der Lauf konnte nicht vorbereitet werden</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 rows/s · p50 %4 ms · p99 %5 ms · max %6 ms · %7 rows in %8 s · %9 errors</source>
        <translation>%1 · %2 · %3 Zeilen/s · p50 %4 ms · p99 %5 ms · Max. %6 ms · %7 Zeilen in %8 s · %9 Fehler</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>All checks passed. Stability: %1</source>
        <translation>Alle Prüfungen bestanden. Stabilität: %1</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON-Bericht (*.json)</translation>
    </message>
    <message>
        <source>CSV report (*.csv)</source>
        <translation>CSV-Bericht (*.csv)</translation>
    </message>
    <message>
        <source>Export benchmark report</source>
        <translation>Benchmark-Bericht exportieren</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Select two runs to compare</source>
        <translation>Zwei Läufe zum Vergleichen auswählen</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Vergleich nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot show the run: %1</source>
        <translation>Lauf kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Showing the run of %1</source>
        <translation>Anzeige des Laufs vom %1</translation>
    </message>
    <message>
        <source>Pin to &amp;CPUs</source>
        <translation>An &amp;CPUs binden</translation>
    </message>
    <message>
        <source>Worker i runs on the i-th CPU the process may use, when there are enough CPUs; unchecked, the scheduler places them (same as --no-pin)</source>
        <translation>Worker i läuft auf der i-ten CPU, die der Prozess nutzen darf, sofern genug CPUs da sind; abgewählt verteilt der Scheduler sie (wie --no-pin)</translation>
    </message>
    <message>
        <source>Remote backends: one URL or profile endpoint name per line
http://host:8099/score</source>
        <translation>Entfernte Backends: eine URL oder ein Profil-Endpunktname pro Zeile
http://host:8099/score</translation>
    </message>
    <message>
        <source>The scoring endpoints of a remote backend, one URL or profile endpoint name per line (filled from the profile&apos;s scoring endpoints, whose authentication and TLS settings apply)</source>
        <translation>Die Scoring-Endpunkte eines entfernten Backends, eine URL oder ein Profil-Endpunktname pro Zeile (aus den Scoring-Endpunkten des Profils gefüllt, deren Authentifizierungs- und TLS-Einstellungen gelten)</translation>
    </message>
    <message>
        <source>Endpoints: %1</source>
        <translation>Endpunkte: %1</translation>
    </message>
    <message>
        <source>A benchmark is running. Stop the run and keep what was measured?</source>
        <translation>Eine Messung läuft. Den Lauf anhalten und behalten, was gemessen wurde?</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged entries skipped in %1</source>
        <translation>
            <numerusform>%n beschädigter Eintrag in %1 übersprungen</numerusform>
            <numerusform>%n beschädigte Einträge in %1 übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Past runs, kept on disk. Double-click one to show it (not while a run is going); select one to export it, two to compare them.</source>
        <translation>Frühere Läufe, auf der Festplatte gespeichert. Doppelklick zeigt einen an (nicht während ein Lauf läuft); einen auswählen, um ihn zu exportieren, zwei, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>%1: no run in row %2</source>
        <translation>%1: kein Lauf in Zeile %2</translation>
    </message>
    <message>
        <source>%1: the run is no longer in the history</source>
        <translation>%1: der Lauf ist nicht mehr im Verlauf</translation>
    </message>
    <message>
        <source>Export failed: %1: the file name must end in .json or .csv</source>
        <translation>Export fehlgeschlagen: %1: der Dateiname muss auf .json oder .csv enden</translation>
    </message>
    <message>
        <source>A run is in flight: past runs can be shown when it has ended</source>
        <translation>Ein Lauf ist im Gange: frühere Läufe können angezeigt werden, wenn er beendet ist</translation>
    </message>
    <message>
        <source>none, e.g. linear,model=weights.json</source>
        <translation>keine, z. B. linear,model=weights.json</translation>
    </message>
    <message>
        <source>Score the measured rows again with this backend spec, ID[,key=value]… (endpoint= may name a scoring endpoint of the profile), and compare the outputs; over the tolerance the run is INVALID (same as --compare)</source>
        <translation>Die gemessenen Zeilen noch einmal mit dieser Backend-Spezifikation bewerten, ID[,Schlüssel=Wert]… (endpoint= darf einen Scoring-Endpunkt des Profils nennen), und die Ausgaben vergleichen; über der Toleranz ist der Lauf INVALID (wie --compare)</translation>
    </message>
    <message>
        <source>A value is over the tolerance when both its absolute and its relative difference exceed it (same as --tolerance)</source>
        <translation>Ein Wert liegt über der Toleranz, wenn sowohl seine absolute als auch seine relative Abweichung sie überschreiten (wie --tolerance)</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <source>Cross-chec&amp;k:</source>
        <translation>Gegen&amp;prüfung:</translation>
    </message>
    <message>
        <source> rows</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <source>no plan</source>
        <translation>kein Plan</translation>
    </message>
    <message>
        <source>Capacity plan: the nodes needed to score this many rows within the duration at the measured rows/s per node (same as --capacity-rows)</source>
        <translation>Kapazitätsplan: die Knoten, die so viele Zeilen innerhalb der Dauer bewerten, bei den gemessenen Zeilen/s je Knoten (wie --capacity-rows)</translation>
    </message>
    <message>
        <source>e.g. 15m</source>
        <translation>z. B. 15m</translation>
    </message>
    <message>
        <source>Duration: 90s, 15m, 2h, 1d or seconds (same as --capacity-within)</source>
        <translation>Dauer: 90s, 15m, 2h, 1d oder Sekunden (wie --capacity-within)</translation>
    </message>
    <message>
        <source>within</source>
        <translation>innerhalb</translation>
    </message>
    <message>
        <source>Capacity plan:</source>
        <translation>Kapazitätsplan:</translation>
    </message>
    <message>
        <source>Cross-check: %1</source>
        <translation>Gegenprüfung: %1</translation>
    </message>
    <message>
        <source>Cross-check tolerance: &apos;%1&apos; is not a number ≥ 0 (e.g. 1e-5)</source>
        <translation>Toleranz der Gegenprüfung: &apos;%1&apos; ist keine Zahl ≥ 0 (z. B. 1e-5)</translation>
    </message>
    <message>
        <source>Capacity plan: give the rows to score within %1</source>
        <translation>Kapazitätsplan: die in %1 zu bewertenden Zeilen angeben</translation>
    </message>
    <message>
        <source>Capacity plan: give the duration to score the rows within (e.g. 15m)</source>
        <translation>Kapazitätsplan: die Dauer angeben, in der die Zeilen bewertet sein sollen (z. B. 15m)</translation>
    </message>
    <message>
        <source>Capacity plan: %1</source>
        <translation>Kapazitätsplan: %1</translation>
    </message>
    <message>
        <source>Cross-check with %1: %2 rows, max |Δ| %3, max relative %4, %5 values over the tolerance %6</source>
        <translation>Gegenprüfung mit %1: %2 Zeilen, max. |Δ| %3, max. relativ %4, %5 Werte über der Toleranz %6</translation>
    </message>
    <message>
        <source>Capacity: %1</source>
        <translation>Kapazität: %1</translation>
    </message>
    <message>
        <source>Capacity: no plan: %1</source>
        <translation>Kapazität: kein Plan: %1</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected runs from the history (Del)</source>
        <translation>Die ausgewählten Läufe aus dem Verlauf löschen (Entf)</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message>
        <source>Delete the selected run from the history?</source>
        <translation>Den ausgewählten Lauf aus dem Verlauf löschen?</translation>
    </message>
    <message>
        <source>Delete the %1 selected runs from the history?</source>
        <translation>Die %1 ausgewählten Läufe aus dem Verlauf löschen?</translation>
    </message>
    <message>
        <source>Deleted runs cannot be restored; export a run first to keep its report.</source>
        <translation>Gelöschte Läufe lassen sich nicht wiederherstellen; einen Lauf zuerst exportieren, um seinen Bericht zu behalten.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Runs not deleted: %1</source>
        <translation>Läufe nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Deleted 1 run from the history</source>
        <translation>1 Lauf aus dem Verlauf gelöscht</translation>
    </message>
    <message>
        <source>Deleted %1 runs from the history</source>
        <translation>%1 Läufe aus dem Verlauf gelöscht</translation>
    </message>
    <message>
        <source>Seed of the synthetic rows and of the Poisson schedule: the same seed, the same rows (same as --seed)</source>
        <translation>Startwert der synthetischen Zeilen und des Poisson-Zeitplans: gleicher Startwert, gleiche Zeilen (wie --seed)</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <source>Filter runs (Ctrl+F)</source>
        <translation>Läufe filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter past runs</source>
        <translation>Frühere Läufe filtern</translation>
    </message>
    <message>
        <source>shown: %1 of %2</source>
        <translation>gezeigt: %1 von %2</translation>
    </message>
    <message>
        <source>Trend…</source>
        <translation>Verlauf…</translation>
    </message>
    <message>
        <source>Show the throughput and p99 latency of the runs listed over time (filter them to one backend first)</source>
        <translation>Durchsatz und p99-Latenz der aufgeführten Läufe im Zeitverlauf zeigen (vorher auf ein Backend filtern)</translation>
    </message>
    <message>
        <source>A trend needs at least two runs in the history table</source>
        <translation>Ein Verlauf braucht mindestens zwei Läufe in der Verlaufstabelle</translation>
    </message>
    <message>
        <source>Write the selected runs&apos; reports as JSON or CSV (several runs: one CSV row each)</source>
        <translation>Die Berichte der ausgewählten Läufe als JSON oder CSV schreiben (mehrere Läufe: je eine CSV-Zeile)</translation>
    </message>
    <message>
        <source>Select the runs to export</source>
        <translation>Die zu exportierenden Läufe auswählen</translation>
    </message>
    <message>
        <source>Export %1 benchmark reports</source>
        <translation>%1 Benchmark-Berichte exportieren</translation>
    </message>
    <message>
        <source>%1 reports written to %2</source>
        <translation>%1 Berichte nach %2 geschrieben</translation>
    </message>
    <message>
        <source>Show only the runs with every word typed here in one of their columns (backend, model, scenario, verdict, date); -WORD leaves out the runs with it (-invalid: the VALID runs)</source>
        <translation>Nur die Läufe zeigen, die jedes hier eingegebene Wort in einer ihrer Spalten haben (Backend, Modell, Szenario, Urteil, Datum); -WORT lässt die Läufe damit weg (-invalid: die Läufe VALID)</translation>
    </message>
    <message>
        <source>×&amp;2 up to</source>
        <translation>×&amp;2 bis</translation>
    </message>
    <message>
        <source>One run per load level: the concurrency or rate above, doubled run after run up to this one; the sweep ends early where more load cannot do better (failed batches, p99 above Max p99, a rate the service falls behind)</source>
        <translation>Ein Lauf pro Laststufe: die Nebenläufigkeit oder Rate oben, von Lauf zu Lauf verdoppelt bis zu diesem Wert; der Durchlauf endet vorzeitig, wo mehr Last nicht besser werden kann (fehlgeschlagene Batches, p99 über Max. p99, eine Rate, hinter der der Dienst zurückbleibt)</translation>
    </message>
    <message>
        <source>Sweep up to this load</source>
        <translation>Durchlauf bis zu dieser Last</translation>
    </message>
    <message>
        <source>Sweep:</source>
        <translation>Durchlauf:</translation>
    </message>
    <message>
        <source>Starting a sweep of %1…</source>
        <translation>Starte einen Lastdurchlauf von %1…</translation>
    </message>
    <message>
        <source>Sweep: up to %1 is not above the concurrency %2</source>
        <translation>Durchlauf: bis %1 liegt nicht über der Nebenläufigkeit %2</translation>
    </message>
    <message>
        <source>Sweep: up to %1 is not above the rate %2</source>
        <translation>Durchlauf: bis %1 liegt nicht über der Rate %2</translation>
    </message>
    <message>
        <source>Sweep: up to %1 is not a whole number of batches</source>
        <translation>Durchlauf: bis %1 ist keine ganze Zahl von Batches</translation>
    </message>
    <message>
        <source>Sweep: a cross-check does not depend on the load; clear Cross-check or run without a sweep</source>
        <translation>Durchlauf: eine Gegenprüfung hängt nicht von der Last ab; Gegenprüfung leeren oder ohne Durchlauf ausführen</translation>
    </message>
    <message>
        <source>Sweep, %1 (%2 of %3): %4</source>
        <translation>Durchlauf, %1 (%2 von %3): %4</translation>
    </message>
    <message>
        <source>Sweep finished: best %1, %2 rows/s, p99 %3 ms</source>
        <translation>Durchlauf beendet: beste %1, %2 Zeilen/s, p99 %3 ms</translation>
    </message>
    <message>
        <source>Sweep finished: no level was VALID</source>
        <translation>Durchlauf beendet: keine Stufe war VALID</translation>
    </message>
    <message>
        <source>Endpoint %1</source>
        <translation>Endpunkt %1</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Failed batches tolerated, in % of the measured ones: more make the run INVALID (a breached threshold); none: any failed batch does (same as --max-error-rate)</source>
        <translation>Tolerierte fehlgeschlagene Batches, in % der gemessenen: mehr machen den Lauf INVALID (eine verletzte Schwelle); keine: jeder fehlgeschlagene Batch tut es (wie --max-error-rate)</translation>
    </message>
    <message>
        <source>max failed</source>
        <translation>max. Fehler</translation>
    </message>
    <message>
        <source>Show its load sweep…</source>
        <translation>Seinen Lastdurchlauf zeigen…</translation>
    </message>
    <message>
        <source>Cannot show the load sweep: %1</source>
        <translation>Der Lastdurchlauf kann nicht gezeigt werden: %1</translation>
    </message>
    <message>
        <source>Showing the load sweep of %1: %2 levels</source>
        <translation>Lastdurchlauf vom %1: %2 Stufen</translation>
    </message>
    <message>
        <source>Draw again the load sweep the selected runs were levels of, from its levels in the history; runs of two sweeps: the later one against the earlier</source>
        <translation>Den Lastdurchlauf, zu dem die gewählten Läufe als Stufen gehörten, aus seinen Stufen im Verlauf neu zeichnen; Läufe zweier Durchläufe: den späteren gegen den früheren</translation>
    </message>
    <message>
        <source>Compare their load sweeps…</source>
        <translation>Ihre Lastdurchläufe vergleichen…</translation>
    </message>
    <message>
        <source>Select runs of one load sweep to show it, or of two to compare them</source>
        <translation>Läufe eines Lastdurchlaufs wählen, um ihn zu zeigen, oder zweier, um sie zu vergleichen</translation>
    </message>
    <message>
        <source>Cannot compare the load sweeps: %1</source>
        <translation>Die Lastdurchläufe können nicht verglichen werden: %1</translation>
    </message>
    <message>
        <source>Comparing the load sweep of %1 with that of %2</source>
        <translation>Vergleich des Lastdurchlaufs vom %1 mit dem vom %2</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::ServiceConfigEditor</name>
    <message>
        <source>remove the spaces around the URL</source>
        <translation>die Leerzeichen um die URL entfernen</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>keine gültige URL</translation>
    </message>
    <message>
        <source>must start with http:// or https://</source>
        <translation>muss mit http:// oder https:// beginnen</translation>
    </message>
    <message>
        <source>must not contain a user name or password; use the authentication fields</source>
        <translation>darf keinen Benutzernamen und kein Passwort enthalten; die Authentifizierungsfelder verwenden</translation>
    </message>
    <message>
        <source>has no host name</source>
        <translation>hat keinen Hostnamen</translation>
    </message>
    <message>
        <source>port 0 is not a usable port</source>
        <translation>Port 0 ist kein verwendbarer Port</translation>
    </message>
    <message>
        <source>must not have a fragment (&apos;#…&apos;)</source>
        <translation>darf kein Fragment haben (&apos;#…&apos;)</translation>
    </message>
    <message>
        <source>must not have a query (&apos;?…&apos;)</source>
        <translation>darf keine Query haben (&apos;?…&apos;)</translation>
    </message>
    <message>
        <source>the path must be a database number (redis://host:6379/0)</source>
        <translation>der Pfad muss eine Datenbanknummer sein (redis://host:6379/0)</translation>
    </message>
    <message>
        <source>En&amp;vironment variable</source>
        <translation>Umgebungs&amp;variable</translation>
    </message>
    <message>
        <source>&amp;Keychain key</source>
        <translation>Schlüssel&amp;bund-Eintrag</translation>
    </message>
    <message>
        <source>St&amp;ore secret in keychain…</source>
        <translation>Secret im Schlüsselbund spei&amp;chern…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification (&amp;insecure)</source>
        <translation>TLS-Zertifikatsprüfung überspringen (uns&amp;icher)</translation>
    </message>
    <message>
        <source>redis://host:6379/0 — empty: not used</source>
        <translation>redis://host:6379/0 — leer: nicht verwendet</translation>
    </message>
    <message>
        <source>https://host:port/base — empty: not used</source>
        <translation>https://host:port/base — leer: nicht verwendet</translation>
    </message>
    <message>
        <source>%1 URL</source>
        <translation>%1-URL</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Password (AUTH)</source>
        <translation>Passwort (AUTH)</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic (Benutzer und Passwort)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>API key (Elasticsearch)</source>
        <translation>API-Schlüssel (Elasticsearch)</translation>
    </message>
    <message>
        <source>optional ACL user</source>
        <translation>optionaler ACL-Benutzer</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>The name of the environment variable, or the keychain key, that holds the secret. The secret itself is never written to the profiles file.</source>
        <translation>Der Name der Umgebungsvariable oder der Schlüssel im Schlüsselbund, unter dem das Secret liegt. Das Secret selbst wird nie in die Profildatei geschrieben.</translation>
    </message>
    <message>
        <source>PEM file; empty: system certificates only</source>
        <translation>PEM-Datei; leer: nur Systemzertifikate</translation>
    </message>
    <message>
        <source>Certificates are not checked: anyone on the network path can read and change this traffic, credentials included. Use a CA file instead where you can.</source>
        <translation>Zertifikate werden nicht geprüft: Jeder auf dem Netzwerkpfad kann diesen Verkehr mitlesen und verändern, Zugangsdaten eingeschlossen. Wo möglich stattdessen eine CA-Datei verwenden.</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Aut&amp;hentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation>Benutze&amp;r:</translation>
    </message>
    <message>
        <source>Secret from:</source>
        <translation>Secret aus:</translation>
    </message>
    <message>
        <source>Secret na&amp;me:</source>
        <translation>Secret-Na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA-Da&amp;tei:</translation>
    </message>
    <message>
        <source>e.g. OPSDECK_LIVY_TOKEN</source>
        <translation>z. B. OPSDECK_LIVY_TOKEN</translation>
    </message>
    <message>
        <source>e.g. opsdeck/prod/livy</source>
        <translation>z. B. opsdeck/prod/livy</translation>
    </message>
    <message>
        <source>%1 URL: %2</source>
        <translation>%1-URL: %2</translation>
    </message>
    <message>
        <source>CA certificates for %1</source>
        <translation>CA-Zertifikate für %1</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>rediss:// (TLS) is not supported: the Redis client speaks plain TCP only</source>
        <translation>rediss:// (TLS) wird nicht unterstützt: der Redis-Client spricht nur unverschlüsseltes TCP</translation>
    </message>
    <message>
        <source>must start with redis://</source>
        <translation>muss mit redis:// beginnen</translation>
    </message>
    <message>
        <source>A bundle of PEM certificates trusted in addition to the system&apos;s. A relative path is relative to the folder of the profiles file.</source>
        <translation>Ein Bündel PEM-Zertifikate, dem zusätzlich zu denen des Systems vertraut wird. Ein relativer Pfad bezieht sich auf den Ordner der Profildatei.</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::ServicesPage</name>
    <message>
        <source>Refresh &amp;every:</source>
        <translation>Aktualisierung a&amp;lle:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between the end of one round of probes and the start of the next</source>
        <translation>Sekunden zwischen dem Ende einer Prüfrunde und dem Beginn der nächsten</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Probe every service now (F5)</source>
        <translation>Alle Dienste jetzt prüfen (F5)</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>No round yet</source>
        <translation>Noch keine Prüfrunde</translation>
    </message>
    <message numerus="yes">
        <source>Last round %1: %2 of %n service(s) up</source>
        <translation>
            <numerusform>Letzte Prüfrunde %1: %2 von %n Dienst erreichbar</numerusform>
            <numerusform>Letzte Prüfrunde %1: %2 von %n Diensten erreichbar</numerusform>
        </translation>
    </message>
    <message>
        <source>A round of probes is in flight</source>
        <translation>Eine Prüfrunde läuft</translation>
    </message>
    <message>
        <source>%1 %2 is up again (was %3)</source>
        <translation>%1 %2 ist wieder erreichbar (war %3)</translation>
    </message>
    <message>
        <source>%1 %2 is %3 (was %4)</source>
        <translation>%1 %2 ist %3 (war %4)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::StoreSecretDialog</name>
    <message>
        <source>Store secret for %1</source>
        <translation>Secret für %1 speichern</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>The secret is stored in the system keychain (service &quot;opsdeck&quot;). The profile keeps only the key.</source>
        <translation>Das Secret wird im Schlüsselbund des Systems gespeichert (Dienst &quot;opsdeck&quot;). Das Profil behält nur den Schlüssel.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation>S&amp;ecret:</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::TableCopy</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
</TS>
