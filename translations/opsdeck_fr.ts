<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Cli</name>
    <message>
        <source>list the model-backend plugins, loaded or failed with the reason (exit 0)</source>
        <translation>lister les plugins de backend de modèle, chargés ou en échec avec la raison (sortie 0)</translation>
    </message>
    <message>
        <source>list the connection profiles (* = the one commands use)</source>
        <translation>lister les profils de connexion (* = celui qu&apos;utilisent les commandes)</translation>
    </message>
    <message>
        <source>show one profile: URLs, auth, secret references, TLS</source>
        <translation>afficher un profil : URL, authentification, références de secrets, TLS</translation>
    </message>
    <message>
        <source>opsdeck: the full-screen dashboard (--dashboard) is not part of this version</source>
        <translation>opsdeck: le tableau de bord plein écran (--dashboard) ne fait pas partie de cette version</translation>
    </message>
    <message>
        <source>opsdeck: built without the GUI; use --batch (see --help)</source>
        <translation>opsdeck: compilé sans interface graphique ; utilisez --batch (voir --help)</translation>
    </message>
    <message>
        <source>validate a profiles file and the CA files it names (exit 0 ok, 2 with FILE:LINE: message)</source>
        <translation>valider un fichier de profils et les fichiers CA qu&apos;il nomme (sortie 0 ok, 2 avec FICHIER:LIGNE : message)</translation>
    </message>
    <message>
        <source>benchmark a model backend (default: built-in linear model, 2M synthetic rows); exit 0 VALID, 1 INVALID, 3 threshold breached, 4 auth refused, 5 unreachable</source>
        <translation>mesurer un backend de modèle (par défaut : modèle linéaire intégré, 2 M de lignes synthétiques) ; sortie 0 VALID, 1 INVALID, 3 seuil dépassé, 4 authentification refusée, 5 injoignable</translation>
    </message>
    <message>
        <source>probe every service of the profile, or those named (livy, spark_rest, spark_ui, elasticsearch, redis, scoring, scoring:NAME); exit 0 all up, 2 config error, 4 auth refused, 5 unreachable, 1 degraded</source>
        <translation>sonder chaque service du profil, ou ceux nommés (livy, spark_rest, spark_ui, elasticsearch, redis, scoring, scoring:NOM) ; sortie 0 tous disponibles, 2 erreur de configuration, 4 authentification refusée, 5 injoignable, 1 dégradé</translation>
    </message>
    <message>
        <source>probe the profile&apos;s services (or those named) on a timer: each one&apos;s state, then every change, one line each, until Ctrl-C (exit 130) or --timeout (exit 124)</source>
        <translation>sonder régulièrement les services du profil (ou ceux nommés) : l&apos;état de chacun, puis chaque changement, une ligne chacun, jusqu&apos;à Ctrl-C (sortie 130) ou --timeout (sortie 124)</translation>
    </message>
    <message>
        <source>the benchmark runs kept in the run history (bench --history, the GUI), newest first, numbered from 1</source>
        <translation>les exécutions de benchmark gardées dans l’historique (bench --history, l’interface graphique), la plus récente d’abord, numérotées à partir de 1</translation>
    </message>
    <message>
        <source>one kept run&apos;s report, as bench printed it (1 = the newest)</source>
        <translation>le rapport d’une exécution gardée, tel que bench l’a affiché (1 = la plus récente)</translation>
    </message>
    <message>
        <source>two kept runs side by side with B − A and B / A (default: run 2 against run 1, the newest); exit 3 when B regressed beyond --max-regression</source>
        <translation>deux exécutions gardées côte à côte avec B − A et B / A (par défaut : l’exécution 2 contre la 1, la plus récente) ; sortie 3 si B a régressé au-delà de --max-regression</translation>
    </message>
    <message>
        <source>remove kept runs from the run history (numbers as history list shows them; all checked first)</source>
        <translation>retirer des exécutions gardées de l’historique (numéros tels que history list les affiche ; tous vérifiés d’abord)</translation>
    </message>
    <message>
        <source>[--backend SPEC] [--model PATH] [--endpoint URL|NAME]… [--rows N | --duration SEC] [--batch-size N] [--scenario offline|concurrency|rate] [--concurrency N|LEVELS] [--rate N|LEVELS] [--poisson] [--warmup SEC] [--input FILE] [--threads N] [--no-pin] [--max-p99 MS] [--min-throughput N] [--max-error-rate PCT] [--report FILE] [--history] [--json] [--compare SPEC] [--capacity-rows N --capacity-within D] (see bench --help)</source>
        <translation>[--backend SPEC] [--model CHEMIN] [--endpoint URL|NOM]… [--rows N | --duration SEC] [--batch-size N] [--scenario offline|concurrency|rate] [--concurrency N|NIVEAUX] [--rate N|NIVEAUX] [--poisson] [--warmup SEC] [--input FICHIER] [--threads N] [--no-pin] [--max-p99 MS] [--min-throughput N] [--max-error-rate POURCENT] [--report FICHIER] [--history] [--json] [--compare SPEC] [--capacity-rows N --capacity-within D] (voir bench --help)</translation>
    </message>
    <message>
        <source>probe the profile&apos;s services (or those named) until all are up in one round (exit 0); a configuration error ends it at once (exit 2), credentials refused in 3 rounds in a row too (exit 4); with --timeout, 124 when they were not up in time</source>
        <translation>sonder les services du profil (ou ceux nommés) jusqu’à ce que tous soient disponibles dans une même tournée (sortie 0) ; une erreur de configuration y met fin aussitôt (sortie 2), des identifiants refusés 3 tournées de suite aussi (sortie 4) ; avec --timeout, 124 s’ils n’étaient pas disponibles à temps</translation>
    </message>
    <message>
        <source>the load sweep a kept run was a level of (default: the newest sweep): its levels, the best one and why it ended early, as bench printed them; --against M: level by level against run M&apos;s sweep, exit 3 when its best rows/s fell beyond --max-regression</source>
        <translation>le balayage de charge dont une exécution conservée était un niveau (par défaut : le plus récent) : ses niveaux, le meilleur et pourquoi il s’est arrêté tôt, comme bench les a affichés ; --against M : niveau par niveau contre le balayage de l’exécution M, sortie 3 si ses meilleures lignes/s ont baissé au-delà de --max-regression</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latence (ms)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>up</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>dégradé</translation>
    </message>
    <message>
        <source>auth refused</source>
        <translation>authentification refusée</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <source>config error</source>
        <translation>erreur de configuration</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Cli</name>
    <message>
        <source>--%1: &apos;%2&apos; is not a whole number ≥ %3</source>
        <translation>--%1: &apos;%2&apos; n&apos;est pas un nombre entier ≥ %3</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number ≥ %3</source>
        <translation>--%1: &apos;%2&apos; n&apos;est pas un nombre ≥ %3</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number &gt; %3</source>
        <translation>--%1: &apos;%2&apos; n&apos;est pas un nombre &gt; %3</translation>
    </message>
    <message>
        <source>backend id or spec ID[,key=value]… (default linear)</source>
        <translation>identifiant ou spécification du backend ID[,key=value]… (par défaut : linear)</translation>
    </message>
    <message>
        <source>model file</source>
        <translation>fichier du modèle</translation>
    </message>
    <message>
        <source>remote protocol: float32 or json</source>
        <translation>protocole distant : float32 ou json</translation>
    </message>
    <message>
        <source>backend option key=value (repeatable)</source>
        <translation>option du backend key=value (répétable)</translation>
    </message>
    <message>
        <source>input columns (default: the model&apos;s, else 100)</source>
        <translation>colonnes d&apos;entrée (par défaut : celles du modèle, sinon 100)</translation>
    </message>
    <message>
        <source>rows to score (default 2000000 in-process, 20000 remote)</source>
        <translation>lignes à scorer (par défaut 2000000 en processus, 20000 à distance)</translation>
    </message>
    <message>
        <source>run for this long instead of a number of rows (90s, 15m, 2h, seconds)</source>
        <translation>durée d&apos;exécution au lieu d&apos;un nombre de lignes (90s, 15m, 2h, secondes)</translation>
    </message>
    <message>
        <source>rows per batch (default 10000 in-process, 1000 remote)</source>
        <translation>lignes par lot (par défaut 10000 en processus, 1000 à distance)</translation>
    </message>
    <message>
        <source>offline, concurrency or rate (default offline)</source>
        <translation>offline, concurrency ou rate (par défaut : offline)</translation>
    </message>
    <message>
        <source>open loop: Poisson arrivals instead of a fixed interval</source>
        <translation>boucle ouverte : arrivées de Poisson au lieu d&apos;un intervalle fixe</translation>
    </message>
    <message>
        <source>input rows: .npy or .csv (text backends: one line per row)</source>
        <translation>lignes d&apos;entrée : .npy ou .csv (backends texte : une ligne par enregistrement)</translation>
    </message>
    <message>
        <source>host threads for in-process backends (default: the ideal thread count)</source>
        <translation>threads pour les backends en processus (par défaut : le nombre idéal de threads)</translation>
    </message>
    <message>
        <source>seed of the synthetic data and the Poisson schedule (default 42)</source>
        <translation>graine des données synthétiques et du calendrier de Poisson (par défaut 42)</translation>
    </message>
    <message>
        <source>threshold: the p99 latency must not exceed this</source>
        <translation>seuil : la latence p99 ne doit pas dépasser cette valeur</translation>
    </message>
    <message>
        <source>threshold: the throughput must reach this</source>
        <translation>seuil : le débit doit atteindre cette valeur</translation>
    </message>
    <message>
        <source>also write the report to FILE.json or append it to FILE.csv</source>
        <translation>écrire aussi le rapport dans FILE.json ou l&apos;ajouter à FILE.csv</translation>
    </message>
    <message>
        <source>print the report as one JSON object on stdout</source>
        <translation>afficher le rapport sous forme d&apos;un objet JSON sur stdout</translation>
    </message>
    <message>
        <source>cross-check: score the same rows with this backend spec and compare</source>
        <translation>vérification croisée : scorer les mêmes lignes avec cette spécification de backend et comparer</translation>
    </message>
    <message>
        <source>cross-check tolerance, absolute or relative (default 1e-5)</source>
        <translation>tolérance de la vérification croisée, absolue ou relative (par défaut 1e-5)</translation>
    </message>
    <message>
        <source>capacity plan: rows to score …</source>
        <translation>plan de capacité : lignes à scorer …</translation>
    </message>
    <message>
        <source>… within this duration (90s, 15m, 2h, seconds)</source>
        <translation>… dans ce délai (90s, 15m, 2h, secondes)</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>afficher cette aide</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Usage: opsdeck --batch bench [OPTIONS]</source>
        <translation>Utilisation : opsdeck --batch bench [OPTIONS]</translation>
    </message>
    <message>
        <source>--protocol: &apos;%1&apos; is not float32 or json</source>
        <translation>--protocol: &apos;%1&apos; n&apos;est ni float32 ni json</translation>
    </message>
    <message>
        <source>--option: &apos;%1&apos; is not key=value</source>
        <translation>--option: &apos;%1&apos; n&apos;est pas de la forme key=value</translation>
    </message>
    <message>
        <source>--rows and --duration exclude each other</source>
        <translation>--rows et --duration s&apos;excluent mutuellement</translation>
    </message>
    <message>
        <source>--scenario: &apos;%1&apos; is not offline, concurrency or rate</source>
        <translation>--scenario: &apos;%1&apos; n&apos;est pas offline, concurrency ou rate</translation>
    </message>
    <message>
        <source>--concurrency needs --scenario concurrency</source>
        <translation>--concurrency nécessite --scenario concurrency</translation>
    </message>
    <message>
        <source>--rate needs --scenario rate</source>
        <translation>--rate nécessite --scenario rate</translation>
    </message>
    <message>
        <source>--scenario rate needs --rate BATCHES_PER_S</source>
        <translation>--scenario rate nécessite --rate BATCHES_PER_S</translation>
    </message>
    <message>
        <source>--poisson needs --scenario rate</source>
        <translation>--poisson nécessite --scenario rate</translation>
    </message>
    <message>
        <source>--seed: &apos;%1&apos; is not a whole number ≥ 0</source>
        <translation>--seed: &apos;%1&apos; n&apos;est pas un nombre entier ≥ 0</translation>
    </message>
    <message>
        <source>--report: &apos;%1&apos; must end in .json or .csv</source>
        <translation>--report: &apos;%1&apos; doit se terminer par .json ou .csv</translation>
    </message>
    <message>
        <source>--tolerance needs --compare</source>
        <translation>--tolerance nécessite --compare</translation>
    </message>
    <message>
        <source>--capacity-rows and --capacity-within go together</source>
        <translation>--capacity-rows et --capacity-within vont ensemble</translation>
    </message>
    <message>
        <source>  [%1 s] %2 rows/s · p99 %3 ms%4</source>
        <translation>  [%1 s] %2 lignes/s · p99 %3 ms%4</translation>
    </message>
    <message>
        <source> · %1 errors</source>
        <translation> · %1 erreurs</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Utilisation :</translation>
    </message>
    <message>
        <source>graphical console</source>
        <translation>console graphique</translation>
    </message>
    <message>
        <source>headless CLI</source>
        <translation>CLI sans interface graphique</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Options globales :</translation>
    </message>
    <message>
        <source>profiles file (default $XDG_CONFIG_HOME/opsdeck/profiles.toml)</source>
        <translation>fichier de profils (par défaut $XDG_CONFIG_HOME/opsdeck/profiles.toml)</translation>
    </message>
    <message>
        <source>profile to use (default $OPSDECK_PROFILE, else the file&apos;s &apos;default&apos;, else its first, else &apos;local&apos;)</source>
        <translation>profil à utiliser (par défaut $OPSDECK_PROFILE, sinon le &apos;default&apos; du fichier, sinon son premier, sinon &apos;local&apos;)</translation>
    </message>
    <message>
        <source>cancel the command after SEC seconds (exit 124)</source>
        <translation>annuler la commande après SEC secondes (sortie 124)</translation>
    </message>
    <message>
        <source>user interface language (en, de, fr)</source>
        <translation>langue de l&apos;interface (en, de, fr)</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes :</translation>
    </message>
    <message>
        <source>Exit codes:</source>
        <translation>Codes de sortie :</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>job or benchmark failed, verdict INVALID</source>
        <translation>job ou benchmark en échec, verdict INVALID</translation>
    </message>
    <message>
        <source>usage, configuration or input error</source>
        <translation>erreur d&apos;utilisation, de configuration ou d&apos;entrée</translation>
    </message>
    <message>
        <source>threshold breached</source>
        <translation>seuil dépassé</translation>
    </message>
    <message>
        <source>authentication refused</source>
        <translation>authentification refusée</translation>
    </message>
    <message>
        <source>service unreachable</source>
        <translation>service injoignable</translation>
    </message>
    <message>
        <source>--timeout elapsed</source>
        <translation>--timeout écoulé</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <source>opsdeck: --config needs a file</source>
        <translation>opsdeck: --config nécessite un fichier</translation>
    </message>
    <message>
        <source>opsdeck: --profile needs a name</source>
        <translation>opsdeck: --profile nécessite un nom</translation>
    </message>
    <message>
        <source>opsdeck: --lang needs a language code</source>
        <translation>opsdeck: --lang nécessite un code de langue</translation>
    </message>
    <message>
        <source>opsdeck: no command given</source>
        <translation>opsdeck: aucune commande indiquée</translation>
    </message>
    <message>
        <source>opsdeck: unknown command &apos;%1&apos; (see opsdeck --help)</source>
        <translation>opsdeck: commande inconnue &apos;%1&apos; (voir opsdeck --help)</translation>
    </message>
    <message>
        <source>opsdeck: --timeout elapsed</source>
        <translation>opsdeck: --timeout écoulé</translation>
    </message>
    <message>
        <source>opsdeck: interrupted</source>
        <translation>opsdeck: interrompu</translation>
    </message>
    <message>
        <source>Print the plugins as a JSON array on stdout.</source>
        <translation>Afficher les plugins sous forme de tableau JSON sur stdout.</translation>
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
        <translation>ENTRÉE</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>ERREUR</translation>
    </message>
    <message>
        <source>opsdeck: no model-backend plugins found in: %1</source>
        <translation>opsdeck: aucun plugin de backend de modèle trouvé dans : %1</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>intégré</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>utilisateur %1</translation>
    </message>
    <message>
        <source>secret %1</source>
        <translation>secret %1</translation>
    </message>
    <message>
        <source>CA %1</source>
        <translation>CA %1</translation>
    </message>
    <message>
        <source>INSECURE (no certificate verification)</source>
        <translation>NON SÉCURISÉ (aucune vérification de certificat)</translation>
    </message>
    <message>
        <source>Print the profiles as JSON on stdout.</source>
        <translation>Afficher les profils en JSON sur stdout.</translation>
    </message>
    <message>
        <source>DEFAULT</source>
        <translation>DÉFAUT</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>SERVICES</source>
        <translation>SERVICES</translation>
    </message>
    <message>
        <source>scoring (%1)</source>
        <translation>scoring (%1)</translation>
    </message>
    <message>
        <source>no profiles file at %1: using the built-in profile</source>
        <translation>aucun fichier de profils à %1 : utilisation du profil intégré</translation>
    </message>
    <message>
        <source>Print the profile as JSON on stdout.</source>
        <translation>Afficher le profil en JSON sur stdout.</translation>
    </message>
    <message>
        <source>Profile to show (default: the one commands use).</source>
        <translation>Profil à afficher (par défaut : celui qu&apos;utilisent les commandes).</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil :  %1</translation>
    </message>
    <message>
        <source>Source:  %1</source>
        <translation>Source :  %1</translation>
    </message>
    <message>
        <source>Timeout: %1 ms</source>
        <translation>Délai :   %1 ms</translation>
    </message>
    <message>
        <source>SERVICE</source>
        <translation>SERVICE</translation>
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
        <translation>(non configuré)</translation>
    </message>
    <message>
        <source>No scoring endpoints.</source>
        <translation>Aucun point d&apos;accès de scoring.</translation>
    </message>
    <message>
        <source>SCORING</source>
        <translation>SCORING</translation>
    </message>
    <message>
        <source>PROTOCOL</source>
        <translation>PROTOCOLE</translation>
    </message>
    <message>
        <source>HEALTH URL</source>
        <translation>URL DE SANTÉ</translation>
    </message>
    <message>
        <source>FEATURES</source>
        <translation>CARACTÉRISTIQUES</translation>
    </message>
    <message>
        <source>Profiles file to check (default: --config, else the default path).</source>
        <translation>Fichier de profils à vérifier (par défaut : --config, sinon le chemin par défaut).</translation>
    </message>
    <message>
        <source>%1: ok (1 profile)</source>
        <translation>%1: ok (1 profil)</translation>
    </message>
    <message>
        <source>%1: ok (%2 profiles)</source>
        <translation>%1: ok (%2 profils)</translation>
    </message>
    <message>
        <source>Print the results as a JSON array on stdout.</source>
        <translation>Afficher les résultats sous forme de tableau JSON sur stdout.</translation>
    </message>
    <message>
        <source>LATENCY MS</source>
        <translation>LATENCE MS</translation>
    </message>
    <message>
        <source>VERSION / DETAIL</source>
        <translation>VERSION / DÉTAIL</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: %2 service(s) checked</source>
        <translation>profil &apos;%1&apos; : %2 service(s) vérifié(s)</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>chargé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>Usage: opsdeck --batch %1</source>
        <translation>Usage : opsdeck --batch %1</translation>
    </message>
    <message>
        <source>do not pin in-process worker threads to CPUs (by default worker i runs on the i-th CPU when there are no more threads than CPUs)</source>
        <translation>ne pas épingler les threads de travail en processus aux CPU (par défaut, le thread i tourne sur le i-ème CPU quand il n’y a pas plus de threads que de CPU)</translation>
    </message>
    <message>
        <source>warm-up seconds, not measured (default 0.3 offline, else 1)</source>
        <translation>secondes de préchauffage, non mesurées (par défaut 0,3 en offline, sinon 1)</translation>
    </message>
    <message>
        <source>remote endpoint URL, or the name of a scoring endpoint of the profile (repeatable)</source>
        <translation>URL du point de terminaison distant, ou nom d’un point de terminaison de scoring du profil (répétable)</translation>
    </message>
    <message>
        <source> (profile &apos;%1&apos; has no scoring endpoints)</source>
        <translation> (le profil &apos;%1&apos; n’a aucun point de terminaison de scoring)</translation>
    </message>
    <message>
        <source> (profile &apos;%1&apos;: %2)</source>
        <translation> (profil &apos;%1&apos; : %2)</translation>
    </message>
    <message>
        <source>backend &apos;%1&apos; scores on remote services: give --endpoint URL, or --endpoint NAME of a scoring endpoint of the profile%2</source>
        <translation>le backend &apos;%1&apos; score sur des services distants : donnez --endpoint URL, ou --endpoint NOM d’un point de terminaison de scoring du profil%2</translation>
    </message>
    <message>
        <source>--%1: %2 is more than the %3 this option allows</source>
        <translation>--%1: %2 dépasse les %3 que permet cette option</translation>
    </message>
    <message>
        <source>--%1: empty file name</source>
        <translation>--%1: nom de fichier vide</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is negative (0 for none)</source>
        <translation>--%1: &apos;%2&apos; est négatif (0 pour aucun)</translation>
    </message>
    <message>
        <source>Latency runs from each batch&apos;s scheduled time (open loop: a batch delayed because every slot is busy counts its wait). Stability: the last 3 one-second windows within ±10% of their mean rows/s, or within one batch per slot where that is more (rate runs: each of them completed within ±10% or one batch of the rows scheduled in it); a run shorter than 3 windows is cut into 4 to 10 groups of equal batch count, each at least 50 ms long, the last 3 judged the same way. A run too short for 4 such groups (under 0.2 s), or a Poisson run shorter than 3 windows, is not judged, which does not make it INVALID. A rate run sends nothing after its schedule ends and is INVALID when it sent fewer than 90% of its scheduled batches. Stopped (--timeout, a signal), a run does not wait for remote batches in flight.</source>
        <translation>La latence court depuis l&apos;instant prévu de chaque lot (boucle ouverte : un lot retardé parce que tous les emplacements sont occupés compte son attente). Stabilité : les 3 dernières fenêtres d&apos;une seconde à ±10 % de leur moyenne en lignes/s, ou à un lot par emplacement près quand c&apos;est davantage (débit imposé : chacune a terminé à ±10 % ou à un lot près les lignes prévues en elle) ; une exécution de moins de 3 fenêtres est découpée en 4 à 10 groupes de même nombre de lots, d&apos;au moins 50 ms chacun, les 3 derniers jugés de même. Une exécution trop courte pour 4 tels groupes (moins de 0,2 s), ou une exécution Poisson de moins de 3 fenêtres, n&apos;est pas jugée, ce qui ne la rend pas INVALID. Une exécution à débit imposé n&apos;envoie plus rien après la fin de son calendrier et est INVALID si elle a envoyé moins de 90 % de ses lots prévus. Arrêtée (--timeout, un signal), une exécution n&apos;attend pas les lots distants en cours.</translation>
    </message>
    <message>
        <source>--%1: given twice</source>
        <translation>--%1: indiqué deux fois</translation>
    </message>
    <message>
        <source>opsdeck: --timeout needs a whole number of seconds from 1 to 2147483 (24 days)</source>
        <translation>opsdeck: --timeout attend un nombre entier de secondes de 1 à 2147483 (24 jours)</translation>
    </message>
    <message>
        <source>Exit codes: 0 VALID · 1 failed batches, stopped or INVALID (unstable, cross-check over tolerance) · 2 usage or input error · 3 threshold breached · 4 endpoint refused the credentials (HTTP 401/403 before any batch was scored) · 5 endpoint unreachable</source>
        <translation>Codes de sortie : 0 VALID · 1 lots en échec, arrêté ou INVALID (instable, contre-vérification hors tolérance) · 2 erreur d&apos;usage ou d&apos;entrée · 3 seuil dépassé · 4 le point d&apos;accès a refusé les identifiants (HTTP 401/403 avant qu&apos;un lot soit évalué) · 5 point d&apos;accès injoignable</translation>
    </message>
    <message>
        <source>opsdeck: interrupted again: exiting at once</source>
        <translation>opsdeck: interrompu de nouveau : fin immédiate</translation>
    </message>
    <message>
        <source>opsdeck: --timeout elapsed and &apos;%1&apos; did not stop within %2 s (it is in work that cannot be interrupted); exiting</source>
        <translation>opsdeck: --timeout écoulé et &apos;%1&apos; ne s&apos;est pas arrêté en %2 s (il est dans un travail qui ne peut pas être interrompu) ; fin</translation>
    </message>
    <message>
        <source>opsdeck: interrupted, and &apos;%1&apos; did not stop within %2 s (it is in work that cannot be interrupted); exiting</source>
        <translation>opsdeck: interrompu, et &apos;%1&apos; ne s&apos;est pas arrêté en %2 s (il est dans un travail qui ne peut pas être interrompu) ; fin</translation>
    </message>
    <message>
        <source>--features: given twice (also features= in --backend or --option)</source>
        <translation>--features: indiqué deux fois (aussi features= dans --backend ou --option)</translation>
    </message>
    <message>
        <source>--rate: %1 is outside %2 … %3 batches/s</source>
        <translation>--rate: %1 est hors de %2 … %3 lots/s</translation>
    </message>
    <message>
        <source>--threads: backend &apos;%1&apos; scores on remote services, not on host threads; its batches in flight are --concurrency (or the spec&apos;s inflight=)</source>
        <translation>--threads: le backend &apos;%1&apos; score sur des services distants, pas dans des threads de cette machine ; ses lots en cours se règlent par --concurrency (ou inflight= dans la spécification)</translation>
    </message>
    <message>
        <source>--features: backend &apos;%1&apos; scores lines of text, not columns</source>
        <translation>--features: le backend &apos;%1&apos; score des lignes de texte, pas des colonnes</translation>
    </message>
    <message>
        <source>also keep the run in the run history the GUI&apos;s Scoring page lists</source>
        <translation>garder aussi l&apos;exécution dans l&apos;historique que la page Scoring de la GUI affiche</translation>
    </message>
    <message>
        <source> (was %1)</source>
        <translation> (était %1)</translation>
    </message>
    <message>
        <source>, %1 ms</source>
        <translation>, %1 ms</translation>
    </message>
    <message>
        <source>Print one JSON object per line on stdout.</source>
        <translation>Afficher un objet JSON par ligne sur stdout.</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; has no services to watch</source>
        <translation>le profil &apos;%1&apos; n&apos;a aucun service à surveiller</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: watching %2 service(s), a round every %3 s; stop with Ctrl-C</source>
        <translation>profil &apos;%1&apos; : %2 service(s) surveillé(s), un tour toutes les %3 s ; arrêt avec Ctrl-C</translation>
    </message>
    <message>
        <source>Only the N newest runs.</source>
        <translation>Seulement les N exécutions les plus récentes.</translation>
    </message>
    <message>
        <source>--last needs a whole number of runs from 1</source>
        <translation>--last attend un nombre entier d’exécutions à partir de 1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>STARTED</source>
        <translation>DÉBUT</translation>
    </message>
    <message>
        <source>BACKEND</source>
        <translation>BACKEND</translation>
    </message>
    <message>
        <source>SCENARIO</source>
        <translation>SCÉNARIO</translation>
    </message>
    <message>
        <source>ROWS</source>
        <translation>LIGNES</translation>
    </message>
    <message>
        <source>ROWS/S</source>
        <translation>LIGNES/S</translation>
    </message>
    <message>
        <source>P99 MS</source>
        <translation>P99 MS</translation>
    </message>
    <message>
        <source>VERDICT</source>
        <translation>VERDICT</translation>
    </message>
    <message>
        <source>MODEL</source>
        <translation>MODÈLE</translation>
    </message>
    <message>
        <source>opsdeck history list: no runs in %1 (opsdeck --batch bench --history and the GUI&apos;s Scoring page keep them)</source>
        <translation>opsdeck history list : aucune exécution dans %1 (opsdeck --batch bench --history et la page Scoring de l’interface graphique les gardent)</translation>
    </message>
    <message>
        <source>the run, 1 the newest (default 1)</source>
        <translation>l’exécution, 1 la plus récente (par défaut 1)</translation>
    </message>
    <message>
        <source>the first run (default 2)</source>
        <translation>la première exécution (par défaut 2)</translation>
    </message>
    <message>
        <source>the second run (default 1, the newest)</source>
        <translation>la seconde exécution (par défaut 1, la plus récente)</translation>
    </message>
    <message>
        <source>give two runs (A B), or none for the one before the newest against the newest</source>
        <translation>indiquez deux exécutions (A B), ou aucune pour l’avant-dernière contre la plus récente</translation>
    </message>
    <message>
        <source>METRIC</source>
        <translation>MESURE</translation>
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
        <translation>Afficher du JSON sur stdout.</translation>
    </message>
    <message>
        <source>Only the runs of this backend id.</source>
        <translation>Seulement les exécutions de cet identifiant de backend.</translation>
    </message>
    <message>
        <source>%1 damaged entries skipped in %2</source>
        <translation>%1 entrées endommagées ignorées dans %2</translation>
    </message>
    <message>
        <source>%1 holds %2 runs</source>
        <translation>%1 contient %2 exécutions</translation>
    </message>
    <message>
        <source>%1 holds %2 runs of %3</source>
        <translation>%1 contient %2 exécutions de %3</translation>
    </message>
    <message>
        <source>no run &apos;%1&apos;: %2</source>
        <translation>pas d’exécution &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>no run &apos;%1&apos;: runs are numbered from 1, the newest, to %2 (%3)</source>
        <translation>pas d’exécution &apos;%1&apos; : les exécutions sont numérotées de 1, la plus récente, à %2 (%3)</translation>
    </message>
    <message>
        <source>Exit 3 when B&apos;s rows/s is lower, or its p99 latency higher, than A&apos;s by more than PCT %.</source>
        <translation>Sortie 3 si les lignes/s de B sont inférieures, ou sa latence p99 supérieure, à celles de A de plus de PCT %.</translation>
    </message>
    <message>
        <source>--max-regression needs a percentage of 0 or more (e.g. 10)</source>
        <translation>--max-regression attend un pourcentage de 0 ou plus (par ex. 10)</translation>
    </message>
    <message>
        <source>opsdeck history compare: B regressed beyond --max-regression %1 %: %2</source>
        <translation>opsdeck history compare : B a régressé au-delà de --max-regression %1 % : %2</translation>
    </message>
    <message>
        <source>the runs to remove, 1 the newest</source>
        <translation>les exécutions à retirer, 1 la plus récente</translation>
    </message>
    <message>
        <source>name the runs to remove (numbers as history list shows them)</source>
        <translation>indiquez les exécutions à retirer (numéros tels que history list les affiche)</translation>
    </message>
    <message>
        <source>opsdeck history remove: removed %1 runs from %2</source>
        <translation>opsdeck history remove : %1 exécutions retirées de %2</translation>
    </message>
    <message>
        <source>Print the last round as a JSON array on stdout.</source>
        <translation>Afficher la dernière tournée sous forme de tableau JSON sur stdout.</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; has no services to wait for</source>
        <translation>le profil &apos;%1&apos; n’a aucun service à attendre</translation>
    </message>
    <message>
        <source>waiting for: %1</source>
        <translation>en attente de : %1</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: waiting until %2 service(s) are up, a round every %3 s</source>
        <translation>profil &apos;%1&apos; : attente jusqu’à ce que %2 service(s) soient disponibles, une tournée toutes les %3 s</translation>
    </message>
    <message>
        <source>opsdeck services wait: not up when it ended: %1</source>
        <translation>opsdeck services wait : non disponible à la fin : %1</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: %2 service(s) up after %3 s</source>
        <translation>profil &apos;%1&apos; : %2 service(s) disponible(s) après %3 s</translation>
    </message>
    <message>
        <source>%1: the history changed on disk while it was read; run the command again</source>
        <translation>%1 : l’historique a changé sur le disque pendant sa lecture ; relancez la commande</translation>
    </message>
    <message>
        <source>Print the runs&apos; full reports as CSV on stdout, oldest first (the columns of bench --report FILE.csv).</source>
        <translation>Afficher les rapports complets des exécutions en CSV sur stdout, la plus ancienne d’abord (les colonnes de bench --report FICHIER.csv).</translation>
    </message>
    <message>
        <source>--csv and --json exclude each other</source>
        <translation>--csv et --json s’excluent mutuellement</translation>
    </message>
    <message>
        <source>Seconds between rounds (default %1).</source>
        <translation>Secondes entre les tournées (par défaut %1).</translation>
    </message>
    <message>
        <source>--interval: &apos;%1&apos; is not a number of seconds from %2 to %3</source>
        <translation>--interval : &apos;%1&apos; n’est pas un nombre de secondes de %2 à %3</translation>
    </message>
    <message>
        <source>closed loop: batches outstanding; several (1,2,4 or 1..64, doubling) sweep them, one run each</source>
        <translation>boucle fermée : lots en attente ; plusieurs (1,2,4 ou 1..64, en doublant) les balaient, une exécution chacun</translation>
    </message>
    <message>
        <source>open loop: batches per second; several (100,200 or 100..1600, doubling) sweep them</source>
        <translation>boucle ouverte : lots par seconde ; plusieurs (100,200 ou 100..1600, en doublant) les balaient</translation>
    </message>
    <message>
        <source>--rate: one sweep at a time (--concurrency is one already)</source>
        <translation>--rate : un seul balayage à la fois (--concurrency en est déjà un)</translation>
    </message>
    <message>
        <source>--compare: a cross-check does not depend on the load; run it without a sweep</source>
        <translation>--compare : une vérification croisée ne dépend pas de la charge ; lancez-la sans balayage</translation>
    </message>
    <message>
        <source>threshold: at most this percentage of the batches may fail (default: none may; 0.5, 1%)</source>
        <translation>seuil : au plus ce pourcentage des lots peut échouer (par défaut : aucun ; 0.5, 1%)</translation>
    </message>
    <message>
        <source>--max-error-rate: &apos;%1&apos; is not a percentage from 0 to 100</source>
        <translation>--max-error-rate : &apos;%1&apos; n’est pas un pourcentage de 0 à 100</translation>
    </message>
    <message>
        <source>opsdeck services wait: credentials refused in %1 rounds in a row; waiting does not mend them</source>
        <translation>opsdeck services wait : identifiants refusés %1 tournées de suite ; attendre n’y changera rien</translation>
    </message>
    <message>
        <source>%1, sweep</source>
        <translation>%1, balayage</translation>
    </message>
    <message>
        <source>a run of the sweep, any of its levels (default: the newest sweep)</source>
        <translation>une exécution du balayage, n’importe lequel de ses niveaux (par défaut : le balayage le plus récent)</translation>
    </message>
    <message>
        <source>Compare it level by level with the sweep run M was a level of (the baseline, A).</source>
        <translation>Le comparer niveau par niveau avec le balayage dont l’exécution M était un niveau (la référence, A).</translation>
    </message>
    <message>
        <source>With --against: exit 3 when the best rows/s fell by more than PCT % from A&apos;s, or no level was VALID where A had one.</source>
        <translation>Avec --against : sortie 3 si les meilleures lignes/s ont baissé de plus de PCT % par rapport à A, ou si aucun niveau n’était VALID là où A en avait un.</translation>
    </message>
    <message>
        <source>--max-regression needs --against (the sweep to compare with)</source>
        <translation>--max-regression demande --against (le balayage à comparer)</translation>
    </message>
    <message>
        <source>bench --concurrency 1..64 or --rate 100,200,400 with --history, or the Scoring page&apos;s Sweep</source>
        <translation>bench --concurrency 1..64 ou --rate 100,200,400 avec --history, ou le Balayage de la page Scoring</translation>
    </message>
    <message>
        <source>run %1 was not a level of a load sweep (%2)</source>
        <translation>l’exécution %1 n’était pas un niveau d’un balayage de charge (%2)</translation>
    </message>
    <message>
        <source>no load sweep in %1 (%2)</source>
        <translation>aucun balayage de charge dans %1 (%2)</translation>
    </message>
    <message>
        <source>--against names a run of the same sweep</source>
        <translation>--against désigne une exécution du même balayage</translation>
    </message>
    <message>
        <source>opsdeck history sweep: B regressed beyond --max-regression %1 %: %2</source>
        <translation>opsdeck history sweep : B a régressé au-delà de --max-regression %1 % : %2</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core</name>
    <message>
        <source>%1 %2: expected a JSON object</source>
        <translation>%1 %2: objet JSON attendu</translation>
    </message>
    <message>
        <source>service &apos;%1&apos; is not configured in profile &apos;%2&apos;</source>
        <translation>le service &apos;%1&apos; n&apos;est pas configuré dans le profil &apos;%2&apos;</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos; has no scoring endpoints</source>
        <translation>le profil &apos;%1&apos; n&apos;a aucun point d&apos;accès de scoring</translation>
    </message>
    <message>
        <source>unknown service &apos;%1&apos; in profile &apos;%2&apos; (known: %3)</source>
        <translation>service inconnu &apos;%1&apos; dans le profil &apos;%2&apos; (connus : %3)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::BackendSpec</name>
    <message>
        <source>empty key</source>
        <translation>clé vide</translation>
    </message>
    <message>
        <source>%1: given twice</source>
        <translation>%1: indiqué deux fois</translation>
    </message>
    <message>
        <source>%1: empty file name</source>
        <translation>%1: nom de fichier vide</translation>
    </message>
    <message>
        <source>%1: empty URL</source>
        <translation>%1: URL vide</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a whole number &gt; 0</source>
        <translation>%1: &apos;%2&apos; n&apos;est pas un nombre entier &gt; 0</translation>
    </message>
    <message>
        <source>backend spec &apos;%1&apos;: %2</source>
        <translation>spécification de backend &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>no backend id</source>
        <translation>aucun identifiant de backend</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a backend id</source>
        <translation>&apos;%1&apos; n&apos;est pas un identifiant de backend</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not key=value</source>
        <translation>&apos;%1&apos; n&apos;est pas de la forme key=value</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty key</source>
        <translation>&apos;%1&apos; a une clé vide</translation>
    </message>
    <message>
        <source>%1: %2 is more than %3</source>
        <translation>%1: %2 dépasse %3</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::BenchHistory</name>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>%1: cannot append: %2</source>
        <translation>%1: ajout impossible : %2</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>incomplete line</source>
        <translation>ligne incomplète</translation>
    </message>
    <message>
        <source>%1:%2: skipped a corrupt history entry: %3</source>
        <translation>%1:%2: entrée d&apos;historique corrompue ignorée : %3</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: lecture impossible : %2</translation>
    </message>
    <message>
        <source>%1: no history entry %2</source>
        <translation>%1: aucune entrée d&apos;historique %2</translation>
    </message>
    <message>
        <source>%1: history entry %2 is incomplete</source>
        <translation>%1: l&apos;entrée d&apos;historique %2 est incomplète</translation>
    </message>
    <message>
        <source>%1: history entry %2 is corrupt: %3</source>
        <translation>%1: l&apos;entrée d&apos;historique %2 est corrompue : %3</translation>
    </message>
    <message>
        <source>started_at: not an ISO 8601 date and time</source>
        <translation>started_at: pas une date et heure ISO 8601</translation>
    </message>
    <message>
        <source>%1: missing or of the wrong type</source>
        <translation>%1: absent ou du mauvais type</translation>
    </message>
    <message>
        <source>the lock file %1 is held by another process</source>
        <translation>le fichier de verrou %1 est détenu par un autre processus</translation>
    </message>
    <message>
        <source>%1: cannot drop old entries: %2</source>
        <translation>%1: impossible de supprimer les anciennes entrées : %2</translation>
    </message>
    <message>
        <source>%1: dropped the oldest history entries (%2 bytes) to stay under %3 bytes</source>
        <translation>%1: les plus anciennes entrées de l&apos;historique (%2 octets) ont été supprimées pour rester sous %3 octets</translation>
    </message>
    <message>
        <source>%1: cannot delete runs: %2</source>
        <translation>%1: impossible de supprimer les exécutions : %2</translation>
    </message>
    <message>
        <source>the history changed on disk since it was read; refresh the page (F5)</source>
        <translation>l&apos;historique a changé sur le disque depuis sa lecture ; actualisez la page (F5)</translation>
    </message>
    <message>
        <source>%1: deleted %2 run(s)</source>
        <translation>%1: %2 exécution(s) supprimée(s)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::BenchHistoryModel</name>
    <message>
        <source>%1: no run in row %2</source>
        <translation>%1 : aucune exécution à la ligne %2</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Rows/s</source>
        <translation>Lignes/s</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Concurrence</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Cadence</translation>
    </message>
    <message>
        <source>%1: the history changed on disk since it was read; refresh the page (F5)</source>
        <translation>%1: l&apos;historique a changé sur le disque depuis sa lecture ; actualisez la page (F5)</translation>
    </message>
    <message>
        <source>Concurrency %1</source>
        <translation>Concurrence %1</translation>
    </message>
    <message>
        <source>Rate %1/s</source>
        <translation>Débit %1/s</translation>
    </message>
    <message>
        <source>%1 · sweep</source>
        <translation>%1 · balayage</translation>
    </message>
    <message>
        <source>A level of a load sweep: right-click › Show its load sweep…</source>
        <translation>Un niveau d’un balayage de charge : clic droit › Afficher son balayage de charge…</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::BenchReport</name>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>endpoint unreachable: %1</source>
        <translation>point d&apos;accès injoignable : %1</translation>
    </message>
    <message>
        <source>%1 of %2 batches failed (first: %3)</source>
        <translation>%1 lots sur %2 en échec (premier : %3)</translation>
    </message>
    <message>
        <source>no rows were scored</source>
        <translation>aucune ligne n&apos;a été scorée</translation>
    </message>
    <message>
        <source>unstable: %1</source>
        <translation>instable : %1</translation>
    </message>
    <message>
        <source>p99 latency %1 ms is above --max-p99 %2 ms</source>
        <translation>la latence p99 de %1 ms dépasse --max-p99 %2 ms</translation>
    </message>
    <message>
        <source>throughput %1 rows/s is below --min-throughput %2 rows/s</source>
        <translation>le débit de %1 lignes/s est inférieur à --min-throughput %2 lignes/s</translation>
    </message>
    <message>
        <source>cross-check with %1: %2 batches failed (first: %3)</source>
        <translation>vérification croisée avec %1 : %2 lots en échec (premier : %3)</translation>
    </message>
    <message>
        <source>cross-check with %1: %2 of %3 values differ by more than %4</source>
        <translation>vérification croisée avec %1 : %2 valeurs sur %3 diffèrent de plus de %4</translation>
    </message>
    <message>
        <source>bench report: field &apos;%1&apos; is missing or has the wrong type</source>
        <translation>rapport de benchmark : le champ &apos;%1&apos; est absent ou de mauvais type</translation>
    </message>
    <message>
        <source>bench report: verdict &apos;%1&apos; is neither VALID nor INVALID</source>
        <translation>rapport de benchmark : le verdict &apos;%1&apos; n&apos;est ni VALID ni INVALID</translation>
    </message>
    <message>
        <source>bench %1 · %2 · %3</source>
        <translation>benchmark %1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 batches/s%2</source>
        <translation>%1 lots/s%2</translation>
    </message>
    <message>
        <source> (Poisson)</source>
        <translation> (Poisson)</translation>
    </message>
    <message>
        <source>%1 in flight</source>
        <translation>%1 simultanés</translation>
    </message>
    <message>
        <source>%1 thread(s)</source>
        <translation>%1 thread(s)</translation>
    </message>
    <message>
        <source>scored      %1 rows in %2 batches, %3 errors, in %4 s</source>
        <translation>scoré       %1 lignes en %2 lots, %3 erreurs, en %4 s</translation>
    </message>
    <message>
        <source> (after %1 s warm-up)</source>
        <translation> (après %1 s de préchauffage)</translation>
    </message>
    <message>
        <source>throughput  %1 rows/s · %2 batches/s</source>
        <translation>débit       %1 lignes/s · %2 lots/s</translation>
    </message>
    <message>
        <source>latency ms  p50 %1 · p90 %2 · p95 %3 · p99 %4 · p99.9 %5 · max %6</source>
        <translation>latence ms  p50 %1 · p90 %2 · p95 %3 · p99 %4 · p99.9 %5 · max %6</translation>
    </message>
    <message>
        <source>stability   %1: %2</source>
        <translation>stabilité   %1 : %2</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stable</translation>
    </message>
    <message>
        <source>not stable</source>
        <translation>instable</translation>
    </message>
    <message>
        <source>compare     %1: %2 rows, max |Δ| %3, max rel %4, %5 over tolerance %6</source>
        <translation>comparaison %1 : %2 lignes, max |Δ| %3, max rel. %4, %5 hors tolérance %6</translation>
    </message>
    <message>
        <source>capacity    %1</source>
        <translation>capacité    %1</translation>
    </message>
    <message>
        <source>verdict     %1</source>
        <translation>verdict     %1</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: lecture impossible : %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: écriture impossible : %2</translation>
    </message>
    <message>
        <source>input       %1 · %2 · batches of %3 · %4</source>
        <translation>entrée      %1 · %2 · lots de %3 · %4</translation>
    </message>
    <message>
        <source>%1 features</source>
        <translation>%1 caractéristiques</translation>
    </message>
    <message>
        <source>text lines</source>
        <translation>lignes de texte</translation>
    </message>
    <message>
        <source>fell behind the requested rate: sent %1 of %2 scheduled batches (%3 %)</source>
        <translation>en retard sur le débit demandé : %1 lots envoyés sur %2 prévus (%3 %)</translation>
    </message>
    <message>
        <source>schedule    %1 scheduled batches, %2 sent within the schedule, %3 missed</source>
        <translation>calendrier  %1 lots prévus, %2 envoyés dans le calendrier, %3 manqués</translation>
    </message>
    <message>
        <source>stability   %1</source>
        <translation>stabilité   %1</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>non jugée</translation>
    </message>
    <message>
        <source>capacity    no plan: %1</source>
        <translation>capacité    pas de plan : %1</translation>
    </message>
    <message>
        <source>%1 thread(s), %2 pinned to CPUs</source>
        <translation>%1 thread(s), dont %2 épinglés à un CPU</translation>
    </message>
    <message>
        <source>%1: is a folder</source>
        <translation>%1: est un dossier</translation>
    </message>
    <message>
        <source>%1: cannot write: the folder %2 does not exist</source>
        <translation>%1: écriture impossible : le dossier %2 n’existe pas</translation>
    </message>
    <message>
        <source>%1: cannot write: the folder %2 is not writable</source>
        <translation>%1: écriture impossible : le dossier %2 n’est pas accessible en écriture</translation>
    </message>
    <message>
        <source>%1: cannot write: the file is read-only</source>
        <translation>%1: écriture impossible : le fichier est en lecture seule</translation>
    </message>
    <message>
        <source>stopped (%1 batches in flight were not awaited and are not counted)</source>
        <translation>arrêtée (%1 lots en cours n&apos;ont pas été attendus et ne sont pas comptés)</translation>
    </message>
    <message>
        <source>endpoint refused the credentials: %1</source>
        <translation>le point d&apos;accès a refusé les identifiants : %1</translation>
    </message>
    <message>
        <source>%1: cannot write: %2 is not a folder</source>
        <translation>%1: écriture impossible : %2 n’est pas un dossier</translation>
    </message>
    <message>
        <source>%1: no report to write</source>
        <translation>%1 : aucun rapport à écrire</translation>
    </message>
    <message>
        <source>%1: the file name must end in .json or .csv</source>
        <translation>%1 : le nom du fichier doit se terminer par .json ou .csv</translation>
    </message>
    <message>
        <source>endpoint    %1</source>
        <translation>p. d’accès  %1</translation>
    </message>
    <message>
        <source>… and %1 more (all of them in --json: backend_stats)</source>
        <translation>… et %1 de plus (tous dans --json : backend_stats)</translation>
    </message>
    <message>
        <source>HTTP %1 × %2</source>
        <translation>HTTP %1 × %2</translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation>%1 hors délai</translation>
    </message>
    <message>
        <source>%1 connection errors</source>
        <translation>%1 erreurs de connexion</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 requêtes</translation>
    </message>
    <message>
        <source>%1 ok</source>
        <translation>%1 ok</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>en échec : %1</translation>
    </message>
    <message>
        <source>mean %1 ms</source>
        <translation>moyenne %1 ms</translation>
    </message>
    <message>
        <source>%1 % of the batches failed (%2 of %3, first: %4), above --max-error-rate %5 %</source>
        <translation>%1 % des lots en échec (%2 sur %3, le premier : %4), au-dessus de --max-error-rate %5 %</translation>
    </message>
    <message>
        <source>%1 % of the batches failed (%2 of %3), within --max-error-rate %4 % · first: %5</source>
        <translation>%1 % des lots en échec (%2 sur %3), dans --max-error-rate %4 % · le premier : %5</translation>
    </message>
    <message>
        <source>errors      %1</source>
        <translation>erreurs     %1</translation>
    </message>
    <message>
        <source>%1: the header differs from this version&apos;s report columns: %2 (expected columns of: %3)</source>
        <translation>%1 : l’en-tête diffère des colonnes de rapport de cette version : %2 (colonnes attendues parmi : %3)</translation>
    </message>
    <message>
        <source>no started_at column</source>
        <translation>pas de colonne started_at</translation>
    </message>
    <message>
        <source>unknown or repeated: %1</source>
        <translation>inconnues ou répétées : %1</translation>
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
        <translation>aucun plugin pour le backend &apos;%1&apos;</translation>
    </message>
    <message>
        <source>give either a number of rows or a duration, not both</source>
        <translation>indiquez soit un nombre de lignes, soit une durée, pas les deux</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>lecture de %1</translation>
    </message>
    <message>
        <source>loading the model</source>
        <translation>chargement du modèle</translation>
    </message>
    <message>
        <source>backend &apos;%1&apos;: %2</source>
        <translation>backend &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>the model could not be loaded</source>
        <translation>le modèle n&apos;a pas pu être chargé</translation>
    </message>
    <message>
        <source>the batch size must be at least 1</source>
        <translation>la taille de lot doit être d&apos;au moins 1</translation>
    </message>
    <message>
        <source>generating data</source>
        <translation>génération des données</translation>
    </message>
    <message>
        <source>warming up, then measuring</source>
        <translation>préchauffage, puis mesure</translation>
    </message>
    <message>
        <source>measuring</source>
        <translation>mesure</translation>
    </message>
    <message>
        <source>cross-checking</source>
        <translation>vérification croisée</translation>
    </message>
    <message>
        <source>no plugin for the cross-check backend &apos;%1&apos;</source>
        <translation>aucun plugin pour le backend de vérification croisée &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot cross-check &apos;%1&apos; with &apos;%2&apos;: one scores text, the other dense rows</source>
        <translation>impossible de comparer &apos;%1&apos; avec &apos;%2&apos; : l&apos;un score du texte, l&apos;autre des lignes denses</translation>
    </message>
    <message>
        <source>cross-check backend &apos;%1&apos;: %2</source>
        <translation>backend de vérification croisée &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>cannot cross-check: &apos;%1&apos; gives %2 outputs per row, &apos;%3&apos; gives %4</source>
        <translation>vérification croisée impossible : &apos;%1&apos; donne %2 sorties par ligne, &apos;%3&apos; en donne %4</translation>
    </message>
    <message>
        <source>%1backend &apos;%2&apos; scores in-process and takes no endpoint URL (%3); use a remote backend such as &apos;http&apos; for endpoints</source>
        <translation>le backend %1&apos;%2&apos; score dans le processus et ne prend pas d&apos;URL de point d&apos;accès (%3) ; pour des points d&apos;accès, utiliser un backend distant comme &apos;http&apos;</translation>
    </message>
    <message>
        <source>cross-check </source>
        <translation>de vérification croisée </translation>
    </message>
    <message>
        <source>cross-check: %1</source>
        <translation>contre-vérification : %1</translation>
    </message>
    <message>
        <source>--features %1 does not match the model&apos;s %2 input columns (%3)</source>
        <translation>--features %1 ne correspond pas aux %2 colonnes d&apos;entrée du modèle (%3)</translation>
    </message>
    <message>
        <source>the batch size %1 is too large</source>
        <translation>la taille de lot %1 est trop grande</translation>
    </message>
    <message>
        <source>trying the cross-check backend</source>
        <translation>essai du backend de contre-vérification</translation>
    </message>
    <message>
        <source>cross-check backend &apos;%1&apos; failed a trial batch before the run: %2</source>
        <translation>le backend de contre-vérification &apos;%1&apos; a échoué sur un lot d&apos;essai avant l&apos;exécution : %2</translation>
    </message>
    <message>
        <source>%1 does not match the %2 columns of %3</source>
        <translation>%1 ne correspond pas aux %2 colonnes de %3</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::CapacityPlan</name>
    <message>
        <source>&apos;%1&apos; is not a duration (examples: 90s, 15m, 2h, 3600)</source>
        <translation>&apos;%1&apos; n&apos;est pas une durée (exemples : 90s, 15m, 2h, 3600)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the duration must be greater than 0</source>
        <translation>&apos;%1&apos; : la durée doit être supérieure à 0</translation>
    </message>
    <message>
        <source>capacity plan: rows must not be negative (%1)</source>
        <translation>plan de capacité : le nombre de lignes ne doit pas être négatif (%1)</translation>
    </message>
    <message>
        <source>capacity plan: the duration must be greater than 0</source>
        <translation>plan de capacité : la durée doit être supérieure à 0</translation>
    </message>
    <message>
        <source>capacity plan: no throughput was measured (0 rows/s), so no plan can be made</source>
        <translation>plan de capacité : aucun débit n&apos;a été mesuré (0 ligne/s), aucun plan n&apos;est donc possible</translation>
    </message>
    <message>
        <source>%1 node(s) score %2 rows within %3 (at %4 rows/s per node)</source>
        <translation>%1 nœud(s) scorent %2 lignes en %3 (à %4 lignes/s par nœud)</translation>
    </message>
    <message>
        <source>capacity plan: %1 rows within %2 s would need more than 2^53 nodes</source>
        <translation>plan de capacité : %1 lignes en %2 s demanderaient plus de 2^53 nœuds</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: shorter than 1 ms</source>
        <translation>&apos;%1&apos;: moins de 1 ms</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: longer than 366 days</source>
        <translation>&apos;%1&apos;: plus de 366 jours</translation>
    </message>
    <message>
        <source>%1 node(s) score %2 rows within %3 (at %4 rows/s per node: the measured rate over %5 endpoints)</source>
        <translation>%1 nœud(s) scorent %2 lignes en %3 (à %4 lignes/s par nœud : le débit mesuré sur %5 points de terminaison)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::DataSource</name>
    <message>
        <source>synthetic data needs rows &gt; 0 and features &gt; 0 (got %1 × %2)</source>
        <translation>les données synthétiques nécessitent lignes &gt; 0 et caractéristiques &gt; 0 (reçu %1 × %2)</translation>
    </message>
    <message>
        <source>synthetic data of %1 rows × %2 features is too large</source>
        <translation>des données synthétiques de %1 lignes × %2 caractéristiques sont trop grandes</translation>
    </message>
    <message>
        <source>synthetic data of %1 rows × %2 features (%3 MiB) does not fit in memory</source>
        <translation>des données synthétiques de %1 lignes × %2 caractéristiques (%3 Mio) ne tiennent pas en mémoire</translation>
    </message>
    <message>
        <source>synthetic uniform [-1,1), seed %1</source>
        <translation>synthétiques uniformes [-1,1), graine %1</translation>
    </message>
    <message>
        <source>synthetic text needs rows &gt; 0 (got %1)</source>
        <translation>le texte synthétique nécessite lignes &gt; 0 (reçu %1)</translation>
    </message>
    <message>
        <source>synthetic text, seed %1</source>
        <translation>texte synthétique, graine %1</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>ouverture impossible : %1</translation>
    </message>
    <message>
        <source>not a .npy file (bad magic)</source>
        <translation>pas un fichier .npy (nombre magique incorrect)</translation>
    </message>
    <message>
        <source>malformed header</source>
        <translation>en-tête mal formé</translation>
    </message>
    <message>
        <source>unsupported format version %1.%2</source>
        <translation>version de format %1.%2 non prise en charge</translation>
    </message>
    <message>
        <source>unsupported dtype &apos;%1&apos; (expected &apos;&lt;f4&apos; or &apos;&lt;f8&apos;)</source>
        <translation>dtype &apos;%1&apos; non pris en charge (attendu &apos;&lt;f4&apos; ou &apos;&lt;f8&apos;)</translation>
    </message>
    <message>
        <source>Fortran-order arrays are not supported (save with C order)</source>
        <translation>les tableaux en ordre Fortran ne sont pas pris en charge (enregistrer en ordre C)</translation>
    </message>
    <message>
        <source>expected a 2-D array, the shape is (%1)</source>
        <translation>tableau 2-D attendu, la forme est (%1)</translation>
    </message>
    <message>
        <source>the array is empty (shape (%1, %2))</source>
        <translation>le tableau est vide (forme (%1, %2))</translation>
    </message>
    <message>
        <source>the array is too large (shape (%1, %2))</source>
        <translation>le tableau est trop grand (forme (%1, %2))</translation>
    </message>
    <message>
        <source>truncated data: expected %1 bytes, found %2</source>
        <translation>données tronquées : %1 octets attendus, %2 trouvés</translation>
    </message>
    <message>
        <source>does not fit in memory (shape (%1, %2))</source>
        <translation>ne tient pas en mémoire (forme (%1, %2))</translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation>erreur de lecture : %1</translation>
    </message>
    <message>
        <source>column %1: &apos;%2&apos; is not a number</source>
        <translation>colonne %1 : &apos;%2&apos; n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>aucune ligne de données</translation>
    </message>
    <message>
        <source>no lines</source>
        <translation>aucune ligne</translation>
    </message>
    <message>
        <source>unsupported input format (expected .npy or .csv)</source>
        <translation>format d&apos;entrée non pris en charge (attendu .npy ou .csv)</translation>
    </message>
    <message>
        <source>not a text file (a NUL byte at offset %1)</source>
        <translation>pas un fichier texte (un octet NUL à la position %1)</translation>
    </message>
    <message>
        <source>not UTF-8 text (in the lines from %1 on)</source>
        <translation>pas du texte UTF-8 (dans les lignes à partir de %1)</translation>
    </message>
    <message>
        <source>not a dict</source>
        <translation>pas un dict</translation>
    </message>
    <message>
        <source>expected a quoted key at offset %1</source>
        <translation>clé entre guillemets attendue à la position %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; given twice</source>
        <translation>&apos;%1&apos; indiqué deux fois</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after &apos;%1&apos;</source>
        <translation>&apos;:&apos; attendu après &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;descr&apos; is not a simple dtype string (structured arrays are not supported)</source>
        <translation>&apos;descr&apos; n&apos;est pas une simple chaîne dtype (les tableaux structurés ne sont pas pris en charge)</translation>
    </message>
    <message>
        <source>&apos;fortran_order&apos; is not True or False</source>
        <translation>&apos;fortran_order&apos; n&apos;est ni True ni False</translation>
    </message>
    <message>
        <source>&apos;shape&apos; is not a tuple</source>
        <translation>&apos;shape&apos; n&apos;est pas un tuple</translation>
    </message>
    <message>
        <source>&apos;shape&apos; is not a tuple of whole numbers</source>
        <translation>&apos;shape&apos; n&apos;est pas un tuple d&apos;entiers</translation>
    </message>
    <message>
        <source>unexpected key &apos;%1&apos; (a .npy header has descr, fortran_order and shape)</source>
        <translation>clé inattendue &apos;%1&apos; (un en-tête .npy a descr, fortran_order et shape)</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after &apos;%1&apos;</source>
        <translation>&apos;,&apos; ou &apos;}&apos; attendu après &apos;%1&apos;</translation>
    </message>
    <message>
        <source>text after the dict</source>
        <translation>du texte après le dict</translation>
    </message>
    <message>
        <source>no &apos;%1&apos;</source>
        <translation>pas de &apos;%1&apos;</translation>
    </message>
    <message>
        <source>malformed header: %1</source>
        <translation>en-tête mal formé : %1</translation>
    </message>
    <message>
        <source>expected %1 columns (as in the header on line %3), found %2</source>
        <translation>%1 colonnes attendues (comme dans l&apos;en-tête ligne %3), %2 trouvées</translation>
    </message>
    <message>
        <source>expected %1 columns (as on line %3), found %2</source>
        <translation>%1 colonnes attendues (comme ligne %3), %2 trouvées</translation>
    </message>
    <message>
        <source>%1 has %2 rows; repeated to fill a batch of %3 rows it would not fit in memory (use a smaller batch size)</source>
        <translation>%1 a %2 lignes ; répétées pour remplir un lot de %3 lignes, elles ne tiendraient pas en mémoire (utiliser une taille de lot plus petite)</translation>
    </message>
    <message>
        <source>larger than the %1 GiB an input may have (it is read into memory)</source>
        <translation>plus grand que les %1 Gio permis pour une entrée (elle est lue en mémoire)</translation>
    </message>
    <message>
        <source>too large to read into memory (%1 bytes read)</source>
        <translation>trop grand pour être lu en mémoire (%1 octets lus)</translation>
    </message>
    <message>
        <source>%1 columns; at most %2 are supported</source>
        <translation>%1 colonnes ; au plus %2 sont prises en charge</translation>
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
        <translation>GET %1: pas une réponse Livy /batches (pas de &apos;sessions&apos;)</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>%n batch</numerusform>
            <numerusform>%n batchs</numerusform>
        </translation>
    </message>
    <message>
        <source>GET %1: not a Spark submission server answer (no &apos;serverSparkVersion&apos;)</source>
        <translation>GET %1: pas une réponse d&apos;un serveur de soumission Spark (pas de &apos;serverSparkVersion&apos;)</translation>
    </message>
    <message>
        <source>submission server</source>
        <translation>serveur de soumission</translation>
    </message>
    <message>
        <source>GET %1: not a Spark monitoring API answer (no &apos;spark&apos;)</source>
        <translation>GET %1: pas une réponse de l&apos;API de supervision Spark (pas de &apos;spark&apos;)</translation>
    </message>
    <message numerus="yes">
        <source>cluster %1 %2, %n node(s)</source>
        <translation>
            <numerusform>cluster %1 %2, %n nœud</numerusform>
            <numerusform>cluster %1 %2, %n nœuds</numerusform>
        </translation>
    </message>
    <message>
        <source>no reply to PING</source>
        <translation>pas de réponse à PING</translation>
    </message>
    <message>
        <source>mode %1</source>
        <translation>mode %1</translation>
    </message>
    <message>
        <source>%1: set health_url or features for a one-row probe</source>
        <translation>%1: définissez health_url ou features pour une sonde d&apos;une ligne</translation>
    </message>
    <message>
        <source>scored one row</source>
        <translation>une ligne scorée</translation>
    </message>
    <message>
        <source>PUT %1: reply has %2 bytes, expected a multiple of 4</source>
        <translation>PUT %1: la réponse fait %2 octets, un multiple de 4 est attendu</translation>
    </message>
    <message>
        <source>scored one row: %1</source>
        <translation>une ligne scorée : %1</translation>
    </message>
    <message>
        <source>not an Elasticsearch answer: GET %1 has no &apos;version.number&apos;</source>
        <translation>pas une réponse Elasticsearch : GET %1 n&apos;a pas de &apos;version.number&apos;</translation>
    </message>
    <message>
        <source>not an Elasticsearch answer: GET %1: &apos;status&apos; is &apos;%2&apos;, expected green, yellow or red</source>
        <translation>pas une réponse Elasticsearch : GET %1 : &apos;status&apos; vaut &apos;%2&apos;, attendu green, yellow ou red</translation>
    </message>
    <message>
        <source>%1: features must be at most %2, not %3</source>
        <translation>%1: features doit valoir au plus %2, pas %3</translation>
    </message>
    <message>
        <source>secret %1 was not read before the probes started</source>
        <translation>secret %1 : non lu avant le début des sondes</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::HttpClient</name>
    <message>
        <source>%1 authentication needs a secret (an environment variable or a keychain entry)</source>
        <translation>l&apos;authentification %1 nécessite un secret (une variable d&apos;environnement ou une entrée du trousseau)</translation>
    </message>
    <message>
        <source>secret %1: %2</source>
        <translation>secret %1 : %2</translation>
    </message>
    <message>
        <source>: HTTP %1</source>
        <translation>: HTTP %1</translation>
    </message>
    <message>
        <source>%1: HTTP %2: malformed JSON at offset %3: %4</source>
        <translation>%1: HTTP %2: JSON mal formé à la position %3 : %4</translation>
    </message>
    <message>
        <source>: aborted</source>
        <translation>: interrompu</translation>
    </message>
    <message>
        <source>%1: cannot read CA file: %2</source>
        <translation>%1: lecture du fichier CA impossible : %2</translation>
    </message>
    <message>
        <source>%1: no PEM certificate found in CA file</source>
        <translation>%1: aucun certificat PEM trouvé dans le fichier CA</translation>
    </message>
    <message>
        <source>: not a valid http(s) URL</source>
        <translation>: pas une URL http(s) valide</translation>
    </message>
    <message>
        <source>: network access has shut down</source>
        <translation>: l&apos;accès réseau a été arrêté</translation>
    </message>
    <message>
        <source>timed out after %1 ms</source>
        <translation>délai dépassé après %1 ms</translation>
    </message>
    <message>
        <source>connection closed during the response (HTTP %1, %2 body bytes received)</source>
        <translation>connexion fermée pendant la réponse (HTTP %1, %2 octets du corps reçus)</translation>
    </message>
    <message>
        <source>connection closed during the response (HTTP %1, %2 of %3 body bytes received)</source>
        <translation>connexion fermée pendant la réponse (HTTP %1, %2 octets du corps reçus sur %3)</translation>
    </message>
    <message>
        <source>: response body larger than %1 bytes (HTTP %2)</source>
        <translation> : corps de réponse plus grand que %1 octets (HTTP %2)</translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation>trop de redirections</translation>
    </message>
    <message>
        <source>redirect to a less secure URL refused</source>
        <translation>redirection vers une URL moins sûre refusée</translation>
    </message>
    <message>
        <source>redirect to another origin refused</source>
        <translation>redirection vers une autre origine refusée</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::LoadGenerator</name>
    <message>
        <source>last 3 of %1 windows of %2 s within ±10% of their mean rows/s</source>
        <translation>les 3 dernières des %1 fenêtres de %2 s à ±10 % de leur moyenne de lignes/s</translation>
    </message>
    <message>
        <source>only %1 windows</source>
        <translation>seulement %1 fenêtres</translation>
    </message>
    <message>
        <source>last 3 windows: %1, %2, %3 rows/s (mean %4)</source>
        <translation>3 dernières fenêtres : %1, %2, %3 lignes/s (moyenne %4)</translation>
    </message>
    <message>
        <source>last 3 of %1 groups of %2 batches: %3, %4, %5 rows/s (mean %6)</source>
        <translation>3 derniers des %1 groupes de %2 lots : %3, %4, %5 lignes/s (moyenne %6)</translation>
    </message>
    <message>
        <source>the batch size must be at least 1</source>
        <translation>la taille de lot doit être d&apos;au moins 1</translation>
    </message>
    <message>
        <source>the batch size %1 is too large</source>
        <translation>la taille de lot %1 est trop grande</translation>
    </message>
    <message>
        <source>the data has %1 rows, fewer than one batch of %2</source>
        <translation>les données ont %1 lignes, moins qu&apos;un lot de %2</translation>
    </message>
    <message>
        <source>nothing to run: give a number of rows or a duration</source>
        <translation>rien à exécuter : indiquez un nombre de lignes ou une durée</translation>
    </message>
    <message>
        <source>the concurrency must be at least 1</source>
        <translation>la concurrence doit être d&apos;au moins 1</translation>
    </message>
    <message>
        <source>the rate must be greater than 0 batches/s</source>
        <translation>le débit doit être supérieur à 0 lot/s</translation>
    </message>
    <message>
        <source>the warm-up must not be negative</source>
        <translation>le préchauffage ne doit pas être négatif</translation>
    </message>
    <message>
        <source>at least one thread is needed</source>
        <translation>au moins un thread est nécessaire</translation>
    </message>
    <message>
        <source>the window length must be greater than 0</source>
        <translation>la longueur de fenêtre doit être supérieure à 0</translation>
    </message>
    <message>
        <source>the model reports %1 output columns</source>
        <translation>le modèle annonce %1 colonnes de sortie</translation>
    </message>
    <message>
        <source>score() failed without a message</source>
        <translation>score() a échoué sans message</translation>
    </message>
    <message>
        <source>last 3 windows within ±10% of their mean rows/s</source>
        <translation>les 3 dernières fenêtres à ±10 % de leur moyenne de lignes/s</translation>
    </message>
    <message>
        <source>batch failed without a message</source>
        <translation>lot en échec sans message</translation>
    </message>
    <message>
        <source>run shorter than 3 windows of %1 s: %2 to %3 groups of equal batch count, each at least %4 ms long; the last 3 within ±10% of their mean rows/s</source>
        <translation>exécution plus courte que 3 fenêtres de %1 s : %2 à %3 groupes d&apos;un même nombre de lots, d&apos;au moins %4 ms chacun ; les 3 derniers à ±10% de leur moyenne en lignes/s</translation>
    </message>
    <message>
        <source>not judged: the run lasted %1 ms; at least %2 s is needed for %3 groups of %4 ms</source>
        <translation>non jugée : l&apos;exécution a duré %1 ms ; il faut au moins %2 s pour %3 groupes de %4 ms</translation>
    </message>
    <message>
        <source>not judged: %1 batches in %2 ms do not make %3 groups of at least %4 ms each</source>
        <translation>non jugée : %1 lots en %2 ms ne font pas %3 groupes d&apos;au moins %4 ms chacun</translation>
    </message>
    <message>
        <source>run shorter than 3 windows of %1 s: last 3 of %2 groups of equal batch count (%3 ms each on average, at least %4 ms) within ±10% of their mean rows/s</source>
        <translation>exécution plus courte que 3 fenêtres de %1 s : les 3 derniers de %2 groupes d&apos;un même nombre de lots (%3 ms chacun en moyenne, au moins %4 ms) à ±10% de leur moyenne en lignes/s</translation>
    </message>
    <message>
        <source>not judged: nothing was scored</source>
        <translation>non jugée : rien n&apos;a été scoré</translation>
    </message>
    <message>
        <source>last 3 of %1 windows of %2 s: each completed within ±10% of the rows whose arrivals were scheduled in it (rate run)</source>
        <translation>les 3 dernières de %1 fenêtres de %2 s : chacune a terminé à ±10% près les lignes dont les arrivées y étaient prévues (exécution à débit fixe)</translation>
    </message>
    <message>
        <source>last 3 windows completed %1%, %2%, %3% of the rows scheduled in them</source>
        <translation>les 3 dernières fenêtres ont terminé %1%, %2%, %3% des lignes qui y étaient prévues</translation>
    </message>
    <message>
        <source>the rate %1 batches/s is outside %2 … %3</source>
        <translation>le débit de %1 lots/s est hors de %2 … %3</translation>
    </message>
    <message>
        <source>runs and warm-ups are at most 366 days</source>
        <translation>les exécutions et les préchauffages durent au plus 366 jours</translation>
    </message>
    <message>
        <source>the model expects %1 input columns, the data (%3) has %2</source>
        <translation>le modèle attend %1 colonnes d&apos;entrée, les données (%3) en ont %2</translation>
    </message>
    <message>
        <source>rate run with Poisson arrivals: last 3 windows kept pace with their arrivals</source>
        <translation>exécution à arrivées de Poisson : les 3 dernières fenêtres ont suivi leurs arrivées</translation>
    </message>
    <message>
        <source>not judged: only %1 windows; Poisson arrivals need 3 to be judged</source>
        <translation>non jugée : seulement %1 fenêtres ; des arrivées de Poisson en demandent 3</translation>
    </message>
    <message>
        <source>run shorter than 3 windows of %1 s: %2 to %3 groups of equal batch count, each at least %4 ms long; the last 3 each completed within ±10% of the rows whose arrivals were scheduled in it (rate run)</source>
        <translation>exécution plus courte que 3 fenêtres de %1 s : %2 à %3 groupes d&apos;un même nombre de lots, d&apos;au moins %4 ms chacun ; les 3 derniers ont chacun terminé à ±10% des lignes qui y étaient prévues (exécution à cadence)</translation>
    </message>
    <message>
        <source>run shorter than 3 windows of %1 s: last 3 of %2 groups of equal batch count (%3 ms each on average, at least %4 ms) each completed within ±10% of the rows whose arrivals were scheduled in its span (rate run)</source>
        <translation>exécution plus courte que 3 fenêtres de %1 s : les 3 derniers de %2 groupes d&apos;un même nombre de lots (%3 ms chacun en moyenne, au moins %4 ms) ont chacun terminé à ±10% des lignes prévues dans leur intervalle (exécution à cadence)</translation>
    </message>
    <message>
        <source>last 3 of %1 groups of %2 batches completed %3%, %4%, %5% of the rows scheduled in them</source>
        <translation>les 3 derniers de %1 groupes de %2 lots ont terminé %3%, %4%, %5% des lignes qui y étaient prévues</translation>
    </message>
    <message>
        <source> (group latencies sampled from 1 in %1 batches)</source>
        <translation> (latences des groupes échantillonnées sur 1 lot sur %1)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::LoadSweep</name>
    <message>
        <source>&apos;%1&apos;: &apos;%2&apos; is not a number</source>
        <translation>&apos;%1&apos; : &apos;%2&apos; n’est pas un nombre</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 is not a whole number</source>
        <translation>&apos;%1&apos; : %2 n’est pas un nombre entier</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 is outside %3 … %4</source>
        <translation>&apos;%1&apos; : %2 est hors de %3 … %4</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: an empty level</source>
        <translation>&apos;%1&apos; : un niveau vide</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the range %2 does not go up</source>
        <translation>&apos;%1&apos; : la plage %2 ne monte pas</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: more than %2 levels</source>
        <translation>&apos;%1&apos; : plus de %2 niveaux</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 after %3 (levels must increase)</source>
        <translation>&apos;%1&apos; : %2 après %3 (les niveaux doivent croître)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <source>concurrency %1</source>
        <translation>concurrence %1</translation>
    </message>
    <message>
        <source>rate %1/s</source>
        <translation>débit %1/s</translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation>concurrence</translation>
    </message>
    <message>
        <source>batches/s</source>
        <translation>lots/s</translation>
    </message>
    <message>
        <source>rows/s</source>
        <translation>lignes/s</translation>
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
        <translation>erreurs</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>verdict</translation>
    </message>
    <message>
        <source>best: %1 · %2 rows/s · p99 %3 ms</source>
        <translation>meilleur : %1 · %2 lignes/s · p99 %3 ms</translation>
    </message>
    <message>
        <source>capacity at it: %1</source>
        <translation>capacité à ce niveau : %1</translation>
    </message>
    <message>
        <source>best: none (no level was VALID)</source>
        <translation>meilleur : aucun (aucun niveau n’était VALID)</translation>
    </message>
    <message>
        <source>ended early at %1</source>
        <translation>terminé tôt à %1</translation>
    </message>
    <message>
        <source>%1 of %2 levels ran</source>
        <translation>%1 niveaux sur %2 exécutés</translation>
    </message>
    <message>
        <source>no runs of a load sweep</source>
        <translation>aucune exécution d’un balayage de charge</translation>
    </message>
    <message>
        <source>the run of %1 was not a level of a load sweep</source>
        <translation>l’exécution du %1 n’était pas un niveau d’un balayage de charge</translation>
    </message>
    <message>
        <source>a load sweep of the scenario &apos;%1&apos;</source>
        <translation>un balayage de charge du scénario &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the run of %1 belongs to another load sweep</source>
        <translation>l’exécution du %1 appartient à un autre balayage de charge</translation>
    </message>
    <message>
        <source>the history no longer holds its level %1</source>
        <translation>l’historique ne contient plus son niveau %1</translation>
    </message>
    <message>
        <source>a %1 sweep against a %2 sweep: compare sweeps of one kind</source>
        <translation>un balayage %1 contre un balayage %2 : comparez des balayages d’un même type</translation>
    </message>
    <message>
        <source>B has no VALID level (A&apos;s best: %1 · %2 rows/s)</source>
        <translation>B n’a aucun niveau VALID (meilleur de A : %1 · %2 lignes/s)</translation>
    </message>
    <message>
        <source>best rows/s fell by %1 %: %2 · %3 → %4 · %5</source>
        <translation>les meilleures lignes/s ont baissé de %1 % : %2 · %3 → %4 · %5</translation>
    </message>
    <message>
        <source>%1 · best: none (no level was VALID)</source>
        <translation>%1 · meilleur : aucun (aucun niveau n’était VALID)</translation>
    </message>
    <message>
        <source>%1 · best: %2 · %3 rows/s · p99 %4 ms</source>
        <translation>%1 · meilleur : %2 · %3 lignes/s · p99 %4 ms</translation>
    </message>
    <message>
        <source>A rows/s</source>
        <translation>A lignes/s</translation>
    </message>
    <message>
        <source>B rows/s</source>
        <translation>B lignes/s</translation>
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
        <translation>verdicts A · B</translation>
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
        <translation>meilleures lignes/s B / A : %1</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::PluginRegistry</name>
    <message>
        <source>no plugin metadata</source>
        <translation>aucune métadonnée de plugin</translation>
    </message>
    <message>
        <source>IID &apos;%1&apos; is not %2</source>
        <translation>l&apos;IID &apos;%1&apos; n&apos;est pas %2</translation>
    </message>
    <message>
        <source>no plugin metadata (the plugin declares no &apos;MetaData&apos; object)</source>
        <translation>aucune métadonnée de plugin (le plugin ne déclare pas d&apos;objet &apos;MetaData&apos;)</translation>
    </message>
    <message>
        <source>missing field &apos;apiVersion&apos;</source>
        <translation>champ &apos;apiVersion&apos; manquant</translation>
    </message>
    <message>
        <source>field &apos;apiVersion&apos; must be a whole number</source>
        <translation>le champ &apos;apiVersion&apos; doit être un nombre entier</translation>
    </message>
    <message>
        <source>apiVersion %1 is not supported (this build speaks %2)</source>
        <translation>apiVersion %1 n&apos;est pas prise en charge (cette version parle %2)</translation>
    </message>
    <message>
        <source>missing field &apos;%1&apos;</source>
        <translation>champ &apos;%1&apos; manquant</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; must be a non-empty string</source>
        <translation>le champ &apos;%1&apos; doit être une chaîne non vide</translation>
    </message>
    <message>
        <source>inputKind &apos;%1&apos; is not one of %2</source>
        <translation>inputKind &apos;%1&apos; ne fait pas partie de %2</translation>
    </message>
    <message>
        <source>missing field &apos;capabilities&apos;</source>
        <translation>champ &apos;capabilities&apos; manquant</translation>
    </message>
    <message>
        <source>field &apos;capabilities&apos; must be an array of strings</source>
        <translation>le champ &apos;capabilities&apos; doit être un tableau de chaînes</translation>
    </message>
    <message>
        <source>duplicate id &apos;%1&apos; (already provided by %2)</source>
        <translation>identifiant &apos;%1&apos; en double (déjà fourni par %2)</translation>
    </message>
    <message>
        <source>unknown model backend &apos;%1&apos; (no plugins found in %2)</source>
        <translation>backend de modèle inconnu &apos;%1&apos; (aucun plugin trouvé dans %2)</translation>
    </message>
    <message>
        <source>unknown model backend &apos;%1&apos; (available: %2)</source>
        <translation>backend de modèle inconnu &apos;%1&apos; (disponibles : %2)</translation>
    </message>
    <message>
        <source>model backend &apos;%1&apos; (%2) cannot be used: %3</source>
        <translation>le backend de modèle &apos;%1&apos; (%2) ne peut pas être utilisé : %3</translation>
    </message>
    <message>
        <source>root object %1 does not implement %2</source>
        <translation>l&apos;objet racine %1 n&apos;implémente pas %2</translation>
    </message>
    <message>
        <source>model backend &apos;%1&apos; (%2) cannot be loaded: %3</source>
        <translation>le backend de modèle &apos;%1&apos; (%2) ne peut pas être chargé : %3</translation>
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
        <translation>une table</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un tableau</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>un entier</translation>
    </message>
    <message>
        <source>a floating-point number</source>
        <translation>un nombre à virgule flottante</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booléen</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>une date</translation>
    </message>
    <message>
        <source>a time</source>
        <translation>une heure</translation>
    </message>
    <message>
        <source>a date-time</source>
        <translation>une date et heure</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
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
        <translation>clé inconnue &apos;%1&apos; (attendu : %2)</translation>
    </message>
    <message>
        <source>%1 must be %2, not %3</source>
        <translation>%1 doit être %2, pas %3</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 ne doit pas être vide</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3, not %4</source>
        <translation>%1 doit être compris entre %2 et %3, pas %4</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos;: %3</source>
        <translation>%1: &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>secrets must not be stored in the file; use secret_env or keychain</source>
        <translation>les secrets ne doivent pas être stockés dans le fichier ; utilisez secret_env ou keychain</translation>
    </message>
    <message>
        <source>%1 must name an environment variable (letters, digits and &apos;_&apos;, not starting with a digit)</source>
        <translation>%1 doit nommer une variable d&apos;environnement (lettres, chiffres et &apos;_&apos;, sans commencer par un chiffre)</translation>
    </message>
    <message>
        <source>%1.type: Redis authentication is a password with an optional user; use type &quot;basic&quot; or leave it out</source>
        <translation>%1.type: l&apos;authentification Redis est un mot de passe avec un utilisateur facultatif ; utilisez type &quot;basic&quot; ou omettez-le</translation>
    </message>
    <message>
        <source>%1: missing &apos;type&apos; (basic, bearer or apikey)</source>
        <translation>%1: &apos;type&apos; manquant (basic, bearer ou apikey)</translation>
    </message>
    <message>
        <source>%1.type: unknown auth type &apos;%2&apos; (expected basic, bearer or apikey)</source>
        <translation>%1.type: type d&apos;authentification inconnu &apos;%2&apos; (attendu basic, bearer ou apikey)</translation>
    </message>
    <message>
        <source>%1: auth type basic needs &apos;user&apos;</source>
        <translation>%1: le type d&apos;authentification basic nécessite &apos;user&apos;</translation>
    </message>
    <message>
        <source>%1: give exactly one of secret_env or keychain (the secret itself is never stored in the file)</source>
        <translation>%1: indiquez exactement un de secret_env ou keychain (le secret lui-même n&apos;est jamais stocké dans le fichier)</translation>
    </message>
    <message>
        <source>an array of tables ([[%1]])</source>
        <translation>un tableau de tables ([[%1]])</translation>
    </message>
    <message>
        <source>%1: unknown protocol &apos;%2&apos; (expected float32 or json)</source>
        <translation>%1: protocole inconnu &apos;%2&apos; (attendu float32 ou json)</translation>
    </message>
    <message>
        <source>%1: missing &apos;name&apos;</source>
        <translation>%1: &apos;name&apos; manquant</translation>
    </message>
    <message>
        <source>%1: missing &apos;url&apos;</source>
        <translation>%1: &apos;url&apos; manquant</translation>
    </message>
    <message>
        <source>%1.name: duplicate scoring endpoint name &apos;%2&apos; (first on line %3)</source>
        <translation>%1.name: nom de point d&apos;accès de scoring &apos;%2&apos; en double (d&apos;abord à la ligne %3)</translation>
    </message>
    <message>
        <source>%1: cannot read: it is a folder</source>
        <translation>%1: lecture impossible : c&apos;est un dossier</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: lecture impossible : %2</translation>
    </message>
    <message>
        <source>profile name &apos;%1&apos; may only contain letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>le nom de profil &apos;%1&apos; ne peut contenir que des lettres, des chiffres, &apos;-&apos;, &apos;_&apos; et &apos;.&apos;</translation>
    </message>
    <message>
        <source>unknown profile &apos;%1&apos; (known: %2)</source>
        <translation>profil inconnu &apos;%1&apos; (connus : %2)</translation>
    </message>
    <message>
        <source>%1: profile &apos;%2&apos; cannot be written as it is (an auth setting without a type?)</source>
        <translation>%1: le profil &apos;%2&apos; ne peut pas être écrit tel quel (un réglage d&apos;authentification sans type ?)</translation>
    </message>
    <message>
        <source>%1: cannot write: cannot create the folder %2</source>
        <translation>%1: écriture impossible : impossible de créer le dossier %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: écriture impossible : %2</translation>
    </message>
    <message>
        <source>%1: cannot write: cannot set the file mode to 0600</source>
        <translation>%1: écriture impossible : impossible de régler le mode du fichier sur 0600</translation>
    </message>
    <message>
        <source>the URL must not contain a password; use secret_env or keychain</source>
        <translation>l&apos;URL ne doit pas contenir de mot de passe ; utilisez secret_env ou keychain</translation>
    </message>
    <message>
        <source>the URL must not contain a user name; use the auth table&apos;s &apos;user&apos;</source>
        <translation>l&apos;URL ne doit pas contenir de nom d&apos;utilisateur ; utilisez &apos;user&apos; de la table auth</translation>
    </message>
    <message>
        <source>the URL has no host</source>
        <translation>l&apos;URL n&apos;a pas d&apos;hôte</translation>
    </message>
    <message>
        <source>port 0 is not a usable port</source>
        <translation>le port 0 n&apos;est pas utilisable</translation>
    </message>
    <message>
        <source>the URL must not have a fragment (&apos;#…&apos;)</source>
        <translation>l&apos;URL ne doit pas avoir de fragment (&apos;#…&apos;)</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>pas une URL valide</translation>
    </message>
    <message>
        <source>not an http:// or https:// URL</source>
        <translation>pas une URL http:// ou https://</translation>
    </message>
    <message>
        <source>the URL must not have a query (&apos;?…&apos;)</source>
        <translation>l&apos;URL ne doit pas avoir de requête (&apos;?…&apos;)</translation>
    </message>
    <message>
        <source>the database &apos;%1&apos; is not a non-negative integer</source>
        <translation>la base de données &apos;%1&apos; n&apos;est pas un entier positif ou nul</translation>
    </message>
    <message>
        <source>unknown profile &apos;%1&apos; (the file does not exist; the only profile is the built-in &apos;local&apos;)</source>
        <translation>profil inconnu &apos;%1&apos; (le fichier n&apos;existe pas ; le seul profil est le profil intégré &apos;local&apos;)</translation>
    </message>
    <message>
        <source>%1: Redis connections have no TLS settings (the client speaks plain TCP only)</source>
        <translation>%1 : les connexions Redis n&apos;ont pas de réglages TLS (le client ne parle que TCP en clair)</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is a folder, not a file</source>
        <translation>%1 : &apos;%2&apos; est un dossier, pas un fichier</translation>
    </message>
    <message>
        <source>%1: cannot read &apos;%2&apos;: %3</source>
        <translation>%1 : impossible de lire &apos;%2&apos; : %3</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; holds no PEM certificate</source>
        <translation>%1 : &apos;%2&apos; ne contient aucun certificat PEM</translation>
    </message>
    <message>
        <source>the URL must not carry a secret in its query (&apos;%1=&apos;); use an auth table with secret_env or keychain</source>
        <translation>l&apos;URL ne doit pas porter de secret dans sa requête (&apos;%1=&apos;) ; utiliser une table auth avec secret_env ou keychain</translation>
    </message>
    <message>
        <source>rediss:// (Redis over TLS) is not supported: the Redis client speaks plain TCP only; use redis:// on a trusted network or through a TLS tunnel</source>
        <translation>rediss:// (Redis sur TLS) n&apos;est pas pris en charge : le client Redis ne parle que TCP en clair ; utiliser redis:// sur un réseau de confiance ou à travers un tunnel TLS</translation>
    </message>
    <message>
        <source>not a redis:// URL</source>
        <translation>pas une URL redis://</translation>
    </message>
    <message>
        <source>%1: cannot read: larger than %2 MiB, not a profiles file</source>
        <translation>%1: lecture impossible : plus de %2 Mio, pas un fichier de profils</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::RedisConnection</name>
    <message>
        <source>no connection within %1 ms</source>
        <translation>aucune connexion en %1 ms</translation>
    </message>
    <message>
        <source>connection destroyed before the reply</source>
        <translation>connexion détruite avant la réponse</translation>
    </message>
    <message>
        <source>connection closed before the reply</source>
        <translation>connexion fermée avant la réponse</translation>
    </message>
    <message>
        <source>connection closed before the command was sent</source>
        <translation>connexion fermée avant l&apos;envoi de la commande</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>connexion fermée</translation>
    </message>
    <message>
        <source>empty command</source>
        <translation>commande vide</translation>
    </message>
    <message>
        <source>pub/sub and MONITOR need a connection of their own</source>
        <translation>pub/sub et MONITOR nécessitent leur propre connexion</translation>
    </message>
    <message>
        <source>command %1 is empty</source>
        <translation>la commande %1 est vide</translation>
    </message>
    <message>
        <source>command %1 (%2): pub/sub and MONITOR need a connection of their own</source>
        <translation>commande %1 (%2) : pub/sub et MONITOR nécessitent leur propre connexion</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>could not be sent (connection is closing)</source>
        <translation>n&apos;a pas pu être envoyée (la connexion se ferme)</translation>
    </message>
    <message>
        <source>not connected and %1 commands already queued</source>
        <translation>non connecté et %1 commandes déjà en file d&apos;attente</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>mémoire insuffisante</translation>
    </message>
    <message>
        <source>could not queue the handshake</source>
        <translation>impossible de mettre la négociation en file d&apos;attente</translation>
    </message>
    <message>
        <source>connection lost: %1</source>
        <translation>connexion perdue : %1</translation>
    </message>
    <message>
        <source>cannot connect: %1</source>
        <translation>connexion impossible : %1</translation>
    </message>
    <message>
        <source>connection lost before the reply (%1)</source>
        <translation>connexion perdue avant la réponse (%1)</translation>
    </message>
    <message>
        <source>not sent: %1</source>
        <translation>non envoyée : %1</translation>
    </message>
    <message>
        <source>no reply within %1 ms</source>
        <translation>aucune réponse en %1 ms</translation>
    </message>
    <message>
        <source>not connected within %1 ms</source>
        <translation>non connecté en %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>pipeline of %n command(s)</source>
        <translation>
            <numerusform>pipeline de %n commande</numerusform>
            <numerusform>pipeline de %n commandes</numerusform>
        </translation>
    </message>
    <message>
        <source>not a Redis server: protocol error (%1)</source>
        <translation>pas un serveur Redis : erreur de protocole (%1)</translation>
    </message>
    <message>
        <source>host name %1 not looked up within %2 ms</source>
        <translation>nom d&apos;hôte %1 non résolu en %2 ms</translation>
    </message>
    <message>
        <source>cannot look up host name %1: %2</source>
        <translation>impossible de résoudre le nom d&apos;hôte %1 : %2</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>aucune adresse</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::RemoteAccess</name>
    <message>
        <source>endpoint &apos;%1&apos; is neither a URL nor a scoring endpoint of profile &apos;%2&apos; (known: %3)</source>
        <translation>le point de terminaison &apos;%1&apos; n’est ni une URL ni un point de terminaison de scoring du profil &apos;%2&apos; (connus : %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>scoring endpoints &apos;%1&apos; and &apos;%2&apos; of profile &apos;%3&apos; differ in protocol, authentication or TLS (%4 against %5); one run uses one setting, so benchmark them separately</source>
        <translation>les points de terminaison de scoring &apos;%1&apos; et &apos;%2&apos; du profil &apos;%3&apos; diffèrent par le protocole, l’authentification ou TLS (%4 contre %5) ; une exécution n’utilise qu’un réglage : mesurez-les séparément</translation>
    </message>
    <message>
        <source>scoring endpoints &apos;%1&apos; and &apos;%2&apos; of profile &apos;%3&apos; take different feature counts (%4 and %5)</source>
        <translation>les points de terminaison de scoring &apos;%1&apos; et &apos;%2&apos; du profil &apos;%3&apos; attendent des nombres de variables différents (%4 et %5)</translation>
    </message>
    <message>
        <source>scoring endpoint &apos;%1&apos; of profile &apos;%2&apos; has %3=%4, but %3=%5 was given</source>
        <translation>le point de terminaison de scoring &apos;%1&apos; du profil &apos;%2&apos; a %3=%4, mais %3=%5 a été donné</translation>
    </message>
    <message>
        <source>scoring endpoint &apos;%1&apos; of profile &apos;%2&apos; takes %3 features, but %4 were given</source>
        <translation>le point de terminaison de scoring &apos;%1&apos; du profil &apos;%2&apos; attend %3 variables, mais %4 ont été données</translation>
    </message>
    <message>
        <source>authorization= would put a secret on a command line or in a report; use auth=bearer|basic|apikey with secret_env=VAR, or a profile&apos;s scoring endpoint</source>
        <translation>authorization= mettrait un secret sur une ligne de commande ou dans un rapport ; utilisez auth=bearer|basic|apikey avec secret_env=VAR, ou un point de terminaison de scoring d’un profil</translation>
    </message>
    <message>
        <source>user, secret_env and secret_keychain need auth=bearer, basic or apikey</source>
        <translation>user, secret_env et secret_keychain nécessitent auth=bearer, basic ou apikey</translation>
    </message>
    <message>
        <source>auth=%1 is not one of bearer, basic, apikey</source>
        <translation>auth=%1 n’est pas l’un de bearer, basic, apikey</translation>
    </message>
    <message>
        <source>give secret_env or secret_keychain, not both</source>
        <translation>donnez secret_env ou secret_keychain, pas les deux</translation>
    </message>
    <message>
        <source>auth=basic needs user=NAME</source>
        <translation>auth=basic nécessite user=NOM</translation>
    </message>
    <message>
        <source>backend &apos;%1&apos;: %2</source>
        <translation>backend &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>ca_file: empty file name</source>
        <translation>ca_file : nom de fichier vide</translation>
    </message>
    <message>
        <source>insecure=%1 is not true or false</source>
        <translation>insecure=%1 n’est ni true ni false</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::RunComparison</name>
    <message>
        <source>concurrency %1</source>
        <translation>concurrence %1</translation>
    </message>
    <message>
        <source>rate %1 batches/s (Poisson)</source>
        <translation>cadence %1 lots/s (Poisson)</translation>
    </message>
    <message>
        <source>rate %1 batches/s</source>
        <translation>cadence %1 lots/s</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <source>same</source>
        <translation>identique</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>différent</translation>
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
        <translation>Début</translation>
    </message>
    <message>
        <source>%1 s later</source>
        <translation>%1 s plus tard</translation>
    </message>
    <message>
        <source>%1 s earlier</source>
        <translation>%1 s plus tôt</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <source>%1 · batches of %2</source>
        <translation>%1 · lots de %2</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Rows/s</source>
        <translation>Lignes/s</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
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
        <translation>max. (ms)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Raisons</translation>
    </message>
    <message>
        <source>rows/s fell by %1 % (%2 → %3)</source>
        <translation>les lignes/s ont baissé de %1 % (%2 → %3)</translation>
    </message>
    <message>
        <source>by %1 %</source>
        <translation>de %1 %</translation>
    </message>
    <message>
        <source>from 0</source>
        <translation>depuis 0</translation>
    </message>
    <message>
        <source>p99 latency rose %1 (%2 ms → %3 ms)</source>
        <translation>la latence p99 a augmenté %1 (%2 ms → %3 ms)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Core::Secrets</name>
    <message>
        <source>the system keychain did not answer within %1 s</source>
        <translation>le trousseau du système n&apos;a pas répondu en %1 s</translation>
    </message>
    <message>
        <source>not found in the system keychain (service &quot;%1&quot;)</source>
        <translation>introuvable dans le trousseau du système (service &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>access to the system keychain was denied (%1)</source>
        <translation>l&apos;accès au trousseau du système a été refusé (%1)</translation>
    </message>
    <message>
        <source>no system keychain service is available (%1)</source>
        <translation>aucun service de trousseau système n&apos;est disponible (%1)</translation>
    </message>
    <message>
        <source>the system keychain failed: %1</source>
        <translation>le trousseau du système a échoué : %1</translation>
    </message>
    <message>
        <source> (no D-Bus session bus: no keychain service is available)</source>
        <translation> (pas de bus de session D-Bus : aucun service de trousseau n&apos;est disponible)</translation>
    </message>
    <message>
        <source>secret %1 is not set</source>
        <translation>le secret %1 n&apos;est pas défini</translation>
    </message>
    <message>
        <source>no secret reference (secret_env or keychain) is given</source>
        <translation>aucune référence de secret (secret_env ou keychain) n&apos;est indiquée</translation>
    </message>
    <message>
        <source>secret %1: reading the keychain needs a running application</source>
        <translation>secret %1 : la lecture du trousseau nécessite une application en cours d&apos;exécution</translation>
    </message>
    <message>
        <source>secret %1: %2</source>
        <translation>secret %1 : %2</translation>
    </message>
    <message>
        <source>secret %1 is empty</source>
        <translation>le secret %1 est vide</translation>
    </message>
    <message>
        <source>a keychain key must not be empty</source>
        <translation>une clé de trousseau ne doit pas être vide</translation>
    </message>
    <message>
        <source>keychain:%1: writing the keychain needs a running application</source>
        <translation>keychain:%1: l&apos;écriture dans le trousseau nécessite une application en cours d&apos;exécution</translation>
    </message>
    <message>
        <source>keychain:%1: cannot store the secret: %2</source>
        <translation>keychain:%1: impossible d&apos;enregistrer le secret : %2</translation>
    </message>
    <message>
        <source>the keychain request was cancelled: the run was stopped</source>
        <translation>la requête au trousseau a été annulée : l&apos;exécution a été arrêtée</translation>
    </message>
    <message>
        <source>the application was busy and did not take up the keychain request within %1 s</source>
        <translation>l&apos;application était occupée et n&apos;a pas pris en charge la requête au trousseau en %1 s</translation>
    </message>
    <message>
        <source>the system keychain has not answered an earlier request yet; it is not asked again until it does</source>
        <translation>le trousseau du système n&apos;a pas encore répondu à une requête précédente ; il ne sera pas sollicité de nouveau avant d&apos;y avoir répondu</translation>
    </message>
    <message>
        <source>secret %1: a read that does not wait must start on the application&apos;s thread</source>
        <translation>secret %1 : une lecture sans attente doit commencer dans le fil d&apos;exécution de l&apos;application</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui</name>
    <message>
        <source>Operator console for the job and scoring platform.</source>
        <translation>Console d&apos;exploitation de la plateforme de jobs et de scoring.</translation>
    </message>
    <message>
        <source>Read the connection profiles from FILE.</source>
        <translation>Lire les profils de connexion depuis FICHIER.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Start on the profile NAME.</source>
        <translation>Démarrer sur le profil NOM.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Use the language CODE (de, fr, …).</source>
        <translation>Utiliser la langue CODE (de, fr, …).</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>Usage: opsdeck [--config FILE] [--profile NAME] [--lang CODE]; opsdeck --help for all commands</source>
        <translation>Utilisation : opsdeck [--config FICHIER] [--profile NOM] [--lang CODE] ; opsdeck --help pour toutes les commandes</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no translation for &apos;%1&apos;; using English</source>
        <translation>aucune traduction pour &apos;%1&apos; ; utilisation de l&apos;anglais</translation>
    </message>
    <message>
        <source>opsdeck: terminated again: exiting at once</source>
        <translation>opsdeck: terminé de nouveau : fin immédiate</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::BenchChart</name>
    <message>
        <source>M rows/s</source>
        <translation>M lignes/s</translation>
    </message>
    <message>
        <source>k rows/s</source>
        <translation>k lignes/s</translation>
    </message>
    <message>
        <source>rows/s</source>
        <translation>lignes/s</translation>
    </message>
    <message>
        <source>Throughput per window</source>
        <translation>Débit par fenêtre</translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation>latence p50</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>latence p99</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Temps (s)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Rows per second per window</source>
        <translation>Lignes par seconde par fenêtre</translation>
    </message>
    <message>
        <source>p50 and p99 latency per window</source>
        <translation>Latence p50 et p99 par fenêtre</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Débit</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::LatencyChart</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latence (ms)</translation>
    </message>
    <message>
        <source>Latency history</source>
        <translation>Historique de latence</translation>
    </message>
    <message>
        <source>▲ on the time axis: the service did not answer that round.</source>
        <translation>▲ sur l&apos;axe du temps : le service n&apos;a pas répondu lors de ce cycle.</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::LatencyHistogramChart</name>
    <message>
        <source>Batch latency (ms, log scale)</source>
        <translation>Latence des lots (ms, échelle log.)</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>Batches per latency bin</source>
        <translation>Lots par classe de latence</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>Histogramme des latences</translation>
    </message>
    <message>
        <source>No batch completed, so there is no latency to show.</source>
        <translation>Aucun lot n&apos;a abouti : il n&apos;y a aucune latence à afficher.</translation>
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
        <translation>max.</translation>
    </message>
    <message>
        <source>%1: %2 ms</source>
        <translation>%1 : %2 ms</translation>
    </message>
    <message>
        <source>The latency histogram of a run appears here when the run ends.</source>
        <translation>L&apos;histogramme des latences d&apos;une exécution s&apos;affiche ici à la fin de l&apos;exécution.</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::LoadSweepDialog</name>
    <message>
        <source>Load sweep</source>
        <translation>Balayage de charge</translation>
    </message>
    <message>
        <source>INVALID level</source>
        <translation>Niveau INVALID</translation>
    </message>
    <message>
        <source>Rows per second at each load level</source>
        <translation>Lignes par seconde à chaque niveau de charge</translation>
    </message>
    <message>
        <source>p99 latency at each load level</source>
        <translation>Latence p99 à chaque niveau de charge</translation>
    </message>
    <message>
        <source>Load levels</source>
        <translation>Niveaux de charge</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Rows/s</source>
        <translation>Lignes/s</translation>
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
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Concurrency (batches outstanding)</source>
        <translation>Concurrence (lots en attente)</translation>
    </message>
    <message>
        <source>Rate (batches/s)</source>
        <translation>Débit (lots/s)</translation>
    </message>
    <message>
        <source>%1 of %2 levels done; next: %3.</source>
        <translation>%1 niveaux sur %2 faits ; ensuite : %3.</translation>
    </message>
    <message>
        <source>Best so far: %1.</source>
        <translation>Meilleur jusqu’ici : %1.</translation>
    </message>
    <message>
        <source>Load sweep of %1</source>
        <translation>Balayage de charge du %1</translation>
    </message>
    <message>
        <source>A: sweep of %1</source>
        <translation>A : balayage du %1</translation>
    </message>
    <message>
        <source>B: sweep of %1</source>
        <translation>B : balayage du %1</translation>
    </message>
    <message>
        <source>Load sweep of %1 against %2</source>
        <translation>Balayage de charge du %1 contre %2</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::MainWindow</name>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Services</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>The connection profile every page uses</source>
        <translation>Le profil de connexion utilisé par toutes les pages</translation>
    </message>
    <message>
        <source>&amp;Edit profiles…</source>
        <translation>&amp;Modifier les profils…</translation>
    </message>
    <message>
        <source>Add, change or remove connection profiles</source>
        <translation>Ajouter, modifier ou supprimer des profils de connexion</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh the page shown now</source>
        <translation>Actualiser la page affichée</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About Opsdeck</source>
        <translation>À &amp;propos d&apos;Opsdeck</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil :</translation>
    </message>
    <message>
        <source>%1
Running on the built-in profile &apos;local&apos;; File ▸ Edit profiles… can fix the file.</source>
        <translation>%1
Utilisation du profil intégré &apos;local&apos; ; Fichier ▸ Modifier les profils… permet de corriger le fichier.</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <source>%1 (asked for by %2)</source>
        <translation>%1 (demandé par %2)</translation>
    </message>
    <message>
        <source>unknown profile &apos;%1&apos;</source>
        <translation>profil inconnu &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Opsdeck — %1</source>
        <translation>Opsdeck — %1</translation>
    </message>
    <message>
        <source>Profiles saved to %1</source>
        <translation>Profils enregistrés dans %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil : %1</translation>
    </message>
    <message>
        <source>built-in profile</source>
        <translation>profil intégré</translation>
    </message>
    <message>
        <source>No profiles file: %1 does not exist</source>
        <translation>Aucun fichier de profils : %1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>Profiles file</source>
        <translation>Fichier de profils</translation>
    </message>
    <message>
        <source>About Opsdeck</source>
        <translation>À propos d&apos;Opsdeck</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Opsdeck %1&lt;/h3&gt;&lt;p&gt;Operator console for the job and scoring platform: Spark through Livy and the Spark REST API, Celery over Redis, Elasticsearch results and model scoring services.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Opsdeck %1&lt;/h3&gt;&lt;p&gt;Console d&apos;exploitation de la plateforme de jobs et de scoring : Spark via Livy et l&apos;API REST de Spark, Celery sur Redis, résultats Elasticsearch et services de scoring de modèles.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2, exécuté sur Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>S&amp;coring</source>
        <translation>S&amp;coring</translation>
    </message>
    <message>
        <source>Close Opsdeck</source>
        <translation>Fermer Opsdeck</translation>
    </message>
    <message>
        <source>&amp;Stop and close</source>
        <translation>A&amp;rrêter et fermer</translation>
    </message>
    <message>
        <source>The work in flight is still stopping: a batch or a model load that cannot be interrupted has not ended yet. The window closes by itself once it has.

Quit now instead? What the run measured is lost.</source>
        <translation>Le travail en cours est encore en train de s’arrêter : un lot ou un chargement de modèle qui ne peut pas être interrompu n’est pas encore terminé. La fenêtre se fermera d’elle-même ensuite.

Quitter maintenant ? Ce que l’exécution a mesuré sera perdu.</translation>
    </message>
    <message>
        <source>&amp;Quit now</source>
        <translation>&amp;Quitter maintenant</translation>
    </message>
    <message>
        <source>&amp;Keep waiting</source>
        <translation>&amp;Continuer d’attendre</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::MessageBanner</name>
    <message>
        <source>Close this message</source>
        <translation>Fermer ce message</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Fermer le message</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::ProfileEditorDialog</name>
    <message>
        <source>Edit profiles</source>
        <translation>Modifier les profils</translation>
    </message>
    <message>
        <source>%1 could not be read: %2
Saving replaces it with the profiles shown here.</source>
        <translation>%1 n&apos;a pas pu être lu : %2
L&apos;enregistrement le remplace par les profils affichés ici.</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>&amp;Profiles:</source>
        <translation>&amp;Profils :</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Dupliquer</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Set de&amp;fault</source>
        <translation>Définir par dé&amp;faut</translation>
    </message>
    <message>
        <source>Use this profile when none is chosen with --profile</source>
        <translation>Utiliser ce profil quand aucun n&apos;est choisi avec --profile</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long one request to a service may take</source>
        <translation>Durée maximale d&apos;une requête vers un service</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Health URL</source>
        <translation>URL de santé</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Caractéristiques</translation>
    </message>
    <message>
        <source>Scoring endpoints</source>
        <translation>Points d&apos;accès de scoring</translation>
    </message>
    <message>
        <source>Add end&amp;point</source>
        <translation>Ajouter un point d&apos;a&amp;ccès</translation>
    </message>
    <message>
        <source>Remo&amp;ve endpoint</source>
        <translation>Supp&amp;rimer le point d&apos;accès</translation>
    </message>
    <message>
        <source>Endpoints scored by the benchmark and probed by the Services page. Without a health URL the probe scores one row of zeros (needs Features).</source>
        <translation>Points d&apos;accès mesurés par le benchmark et sondés par la page Services. Sans URL de santé, la sonde score une ligne de zéros (nécessite Caractéristiques).</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Write the profiles file (Ctrl+S)</source>
        <translation>Écrire le fichier de profils (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>Dé&amp;lai :</translation>
    </message>
    <message>
        <source>score-%1</source>
        <translation>score-%1</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <source>new-profile</source>
        <translation>nouveau-profil</translation>
    </message>
    <message>
        <source>-copy</source>
        <translation>-copie</translation>
    </message>
    <message>
        <source>Name: a profile needs a name</source>
        <translation>Nom : un profil doit avoir un nom</translation>
    </message>
    <message>
        <source>Name: there is already a profile called &apos;%1&apos;</source>
        <translation>Nom : il existe déjà un profil nommé &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Scoring endpoint %1</source>
        <translation>Point d&apos;accès de scoring %1</translation>
    </message>
    <message>
        <source>Scoring endpoint &apos;%1&apos;</source>
        <translation>Point d&apos;accès de scoring &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: the name is empty</source>
        <translation>%1 : le nom est vide</translation>
    </message>
    <message>
        <source>%1: the name is used twice</source>
        <translation>%1 : le nom est utilisé deux fois</translation>
    </message>
    <message>
        <source>%1 URL: %2</source>
        <translation>%1, URL : %2</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>pas une URL valide</translation>
    </message>
    <message>
        <source>%1 URL: an endpoint needs a URL</source>
        <translation>%1, URL : un point d&apos;accès doit avoir une URL</translation>
    </message>
    <message>
        <source>%1 health URL: %2</source>
        <translation>%1, URL de santé : %2</translation>
    </message>
    <message>
        <source>%1: features must be 0 (unknown) or more</source>
        <translation>%1 : les caractéristiques doivent valoir 0 (inconnu) ou plus</translation>
    </message>
    <message>
        <source>an endpoint needs a URL</source>
        <translation>un point d&apos;accès doit avoir une URL</translation>
    </message>
    <message>
        <source>Not saved: profile &apos;%1&apos;: %2</source>
        <translation>Non enregistré : profil &apos;%1&apos; : %2</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Save the changes to the profiles in %1?</source>
        <translation>Enregistrer les modifications des profils dans %1 ?</translation>
    </message>
    <message>
        <source>Changes that are not saved are lost.</source>
        <translation>Les modifications non enregistrées seront perdues.</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Ne pas enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::RunCompareDialog</name>
    <message>
        <source>Compare benchmark runs</source>
        <translation>Comparer des exécutions de benchmark</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Run A</source>
        <translation>Exécution A</translation>
    </message>
    <message>
        <source>Run B</source>
        <translation>Exécution B</translation>
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
        <translation>Exécutions A et B côte à côte</translation>
    </message>
    <message>
        <source>A is the earlier run. Green: B is better; red: B is worse.</source>
        <translation>A est l&apos;exécution la plus ancienne. Vert : B est meilleure ; rouge : B est moins bonne.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::RunTrendDialog</name>
    <message>
        <source>Benchmark runs over time</source>
        <translation>Exécutions de benchmark dans le temps</translation>
    </message>
    <message>
        <source>Start of the run</source>
        <translation>Début de l’exécution</translation>
    </message>
    <message>
        <source>INVALID run</source>
        <translation>Exécution INVALID</translation>
    </message>
    <message>
        <source>Rows per second of each run over time</source>
        <translation>Lignes par seconde de chaque exécution dans le temps</translation>
    </message>
    <message>
        <source>p99 latency of each run over time</source>
        <translation>Latence p99 de chaque exécution dans le temps</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>%1 runs of %2, %3.</source>
        <translation>%1 exécutions de %2, %3.</translation>
    </message>
    <message>
        <source>They are of different backends or scenarios: filter the history to one to compare like with like.</source>
        <translation>Elles viennent de backends ou de scénarios différents : filtrez l’historique sur un seul pour comparer ce qui est comparable.</translation>
    </message>
    <message>
        <source>Large red points: INVALID runs.</source>
        <translation>Gros points rouges : exécutions INVALID.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::ScoringPage</name>
    <message>
        <source>No run yet: pick a backend and press Start (Ctrl+Return)</source>
        <translation>Aucune exécution : choisissez un backend et appuyez sur Démarrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend :</translation>
    </message>
    <message>
        <source>empty: the backend&apos;s default</source>
        <translation>vide : valeur par défaut du backend</translation>
    </message>
    <message>
        <source>The model file the backend loads (linear: JSON or CSV weights; empty: synthetic)</source>
        <translation>Le fichier de modèle chargé par le backend (linear : poids JSON ou CSV ; vide : synthétique)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose the model file</source>
        <translation>Choisir le fichier de modèle</translation>
    </message>
    <message>
        <source>&amp;Model file:</source>
        <translation>Fichier de &amp;modèle :</translation>
    </message>
    <message>
        <source>E&amp;ndpoints:</source>
        <translation>Poi&amp;nts d&apos;accès :</translation>
    </message>
    <message>
        <source>float32 (binary)</source>
        <translation>float32 (binaire)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Pr&amp;otocol:</source>
        <translation>Pr&amp;otocole :</translation>
    </message>
    <message>
        <source>model&apos;s</source>
        <translation>du modèle</translation>
    </message>
    <message>
        <source>Input columns per row; synthetic models and data take 100 unless set</source>
        <translation>Colonnes d&apos;entrée par ligne ; modèles et données synthétiques : 100 si rien n&apos;est indiqué</translation>
    </message>
    <message>
        <source>Feat&amp;ures:</source>
        <translation>&amp;Variables :</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Lignes :</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>Rows to score</source>
        <translation>Lignes à évaluer</translation>
    </message>
    <message>
        <source>Rows to score; default 2,000,000 in process, 20,000 remote</source>
        <translation>Lignes à évaluer ; par défaut 2 000 000 en local, 20 000 à distance</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Durée :</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds to run</source>
        <translation>Durée en secondes</translation>
    </message>
    <message>
        <source>Rows per batch; default 10,000 in process, 1,000 remote</source>
        <translation>Lignes par lot ; par défaut 10 000 en local, 1 000 à distance</translation>
    </message>
    <message>
        <source>Batch si&amp;ze:</source>
        <translation>Ta&amp;ille de lot :</translation>
    </message>
    <message>
        <source>Every row as fast as possible</source>
        <translation>Toutes les lignes aussi vite que possible</translation>
    </message>
    <message>
        <source>Closed loop: a fixed number of batches outstanding</source>
        <translation>Boucle fermée : un nombre fixe de lots en cours</translation>
    </message>
    <message>
        <source>Open loop: batches sent on a schedule, whatever the answers do</source>
        <translation>Boucle ouverte : lots envoyés selon un calendrier, quelles que soient les réponses</translation>
    </message>
    <message>
        <source>Sc&amp;enario:</source>
        <translation>S&amp;cénario :</translation>
    </message>
    <message>
        <source>Co&amp;ncurrency:</source>
        <translation>Concurr&amp;ence :</translation>
    </message>
    <message>
        <source> batches/s</source>
        <translation> lots/s</translation>
    </message>
    <message>
        <source>Poisson arriva&amp;ls</source>
        <translation>Arrivées de Poi&amp;sson</translation>
    </message>
    <message>
        <source>Random (exponential) gaps between batches instead of a fixed interval</source>
        <translation>Intervalles aléatoires (exponentiels) entre les lots au lieu d&apos;un intervalle fixe</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>&amp;Rythme :</translation>
    </message>
    <message>
        <source>Seconds of load before the measured part (not counted)</source>
        <translation>Secondes de charge avant la partie mesurée (non comptées)</translation>
    </message>
    <message>
        <source>&amp;Warm-up:</source>
        <translation>&amp;Échauffement :</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Host threads scoring in process; auto: one per core</source>
        <translation>Threads de l&apos;hôte qui évaluent en local ; auto : un par cœur</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads :</translation>
    </message>
    <message>
        <source>empty: synthetic rows</source>
        <translation>vide : lignes synthétiques</translation>
    </message>
    <message>
        <source>.npy or .csv rows (text backends: one line per row)</source>
        <translation>Lignes .npy ou .csv (backends texte : une ligne par entrée)</translation>
    </message>
    <message>
        <source>Choose the input file</source>
        <translation>Choisir le fichier d&apos;entrée</translation>
    </message>
    <message>
        <source>&amp;Input file:</source>
        <translation>Fichier d&apos;e&amp;ntrée :</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>INVALID when the p99 latency is above this</source>
        <translation>INVALID si la latence p99 dépasse cette valeur</translation>
    </message>
    <message>
        <source>Max p&amp;99:</source>
        <translation>p&amp;99 max. :</translation>
    </message>
    <message>
        <source> rows/s</source>
        <translation> lignes/s</translation>
    </message>
    <message>
        <source>INVALID when the throughput is below this</source>
        <translation>INVALID si le débit est inférieur à cette valeur</translation>
    </message>
    <message>
        <source>Min throu&amp;ghput:</source>
        <translation>Débit &amp;min. :</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>Dé&amp;marrer</translation>
    </message>
    <message>
        <source>Start the benchmark (Ctrl+Return)</source>
        <translation>Démarrer le benchmark (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the run: batches in flight complete, the result is INVALID (Esc, Ctrl+.)</source>
        <translation>Arrêter l&apos;exécution : les lots en cours se terminent, le résultat est INVALID (Échap, Ctrl+.)</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Fichier de modèle</translation>
    </message>
    <message>
        <source>Models (*.json *.csv *.ubj *.bin *.ftz *.model);;All files (*)</source>
        <translation>Modèles (*.json *.csv *.ubj *.bin *.ftz *.model);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Input rows</source>
        <translation>Lignes d&apos;entrée</translation>
    </message>
    <message>
        <source>Rows (*.npy *.csv *.txt);;All files (*)</source>
        <translation>Lignes (*.npy *.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Past runs</source>
        <translation>Exécutions passées</translation>
    </message>
    <message>
        <source>Run histor&amp;y:</source>
        <translation>&amp;Historique :</translation>
    </message>
    <message>
        <source>E&amp;xport report…</source>
        <translation>E&amp;xporter le rapport…</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Comparer…</translation>
    </message>
    <message>
        <source>Show the two selected runs side by side</source>
        <translation>Afficher côte à côte les deux exécutions sélectionnées</translation>
    </message>
    <message>
        <source>%1 — cannot be used</source>
        <translation>%1 — inutilisable</translation>
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
        <translation>Aucun plugin de backend de modèle utilisable dans %1</translation>
    </message>
    <message>
        <source>Backend: choose one</source>
        <translation>Backend : choisissez-en un</translation>
    </message>
    <message>
        <source>Backend: no usable model-backend plugin was found in %1</source>
        <translation>Backend : aucun plugin de backend de modèle utilisable trouvé dans %1</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Backend : %1</translation>
    </message>
    <message>
        <source>Endpoints, line %1: %2 (%3)</source>
        <translation>Points d&apos;accès, ligne %1 : %2 (%3)</translation>
    </message>
    <message>
        <source>Endpoints: the %1 backend needs at least one endpoint URL</source>
        <translation>Points d&apos;accès : le backend %1 a besoin d&apos;au moins une URL</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Démarrage impossible : %1</translation>
    </message>
    <message>
        <source>Scoring: %1</source>
        <translation>Scoring : %1</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>Démarrage de %1…</translation>
    </message>
    <message>
        <source>Stopping: batches in flight complete first…</source>
        <translation>Arrêt en cours : les lots en cours se terminent d&apos;abord…</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>En cours : %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Benchmark failed: %1</source>
        <translation>Échec du benchmark : %1</translation>
    </message>
    <message>
        <source>The run could not be added to the history: %1</source>
        <translation>L&apos;exécution n&apos;a pas pu être ajoutée à l&apos;historique : %1</translation>
    </message>
    <message>
        <source>Stopped after %1 rows: %2</source>
        <translation>Arrêté après %1 lignes : %2</translation>
    </message>
    <message>
        <source>Finished: %1, %2 rows/s, p99 %3 ms</source>
        <translation>Terminé : %1, %2 lignes/s, p99 %3 ms</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Verdict : %1</translation>
    </message>
    <message>
        <source>%1 · %2: the run could not be set up</source>
        <translation>%1 · %2 : l&apos;exécution n&apos;a pas pu être préparée</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 rows/s · p50 %4 ms · p99 %5 ms · max %6 ms · %7 rows in %8 s · %9 errors</source>
        <translation>%1 · %2 · %3 lignes/s · p50 %4 ms · p99 %5 ms · max. %6 ms · %7 lignes en %8 s · %9 erreurs</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>All checks passed. Stability: %1</source>
        <translation>Tous les contrôles sont passés. Stabilité : %1</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>Rapport JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV report (*.csv)</source>
        <translation>Rapport CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export benchmark report</source>
        <translation>Exporter le rapport de benchmark</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l&apos;export : %1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Rapport écrit dans %1</translation>
    </message>
    <message>
        <source>Select two runs to compare</source>
        <translation>Sélectionnez deux exécutions à comparer</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>Comparaison impossible : %1</translation>
    </message>
    <message>
        <source>Cannot show the run: %1</source>
        <translation>Impossible d&apos;afficher l&apos;exécution : %1</translation>
    </message>
    <message>
        <source>Showing the run of %1</source>
        <translation>Affichage de l&apos;exécution du %1</translation>
    </message>
    <message>
        <source>Pin to &amp;CPUs</source>
        <translation>Épingler aux &amp;CPU</translation>
    </message>
    <message>
        <source>Worker i runs on the i-th CPU the process may use, when there are enough CPUs; unchecked, the scheduler places them (same as --no-pin)</source>
        <translation>Le worker i s’exécute sur le i-ème CPU que le processus peut utiliser, s’il y en a assez ; décoché, l’ordonnanceur les place (comme --no-pin)</translation>
    </message>
    <message>
        <source>Remote backends: one URL or profile endpoint name per line
http://host:8099/score</source>
        <translation>Backends distants : une URL ou un nom de point de terminaison du profil par ligne
http://host:8099/score</translation>
    </message>
    <message>
        <source>The scoring endpoints of a remote backend, one URL or profile endpoint name per line (filled from the profile&apos;s scoring endpoints, whose authentication and TLS settings apply)</source>
        <translation>Les points de terminaison de scoring d’un backend distant, une URL ou un nom de point de terminaison du profil par ligne (remplis depuis les points de terminaison de scoring du profil, dont les réglages d’authentification et TLS s’appliquent)</translation>
    </message>
    <message>
        <source>Endpoints: %1</source>
        <translation>Points de terminaison : %1</translation>
    </message>
    <message>
        <source>A benchmark is running. Stop the run and keep what was measured?</source>
        <translation>Une mesure est en cours. Arrêter la mesure et garder ce qui a été mesuré ?</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged entries skipped in %1</source>
        <translation>
            <numerusform>%n entrée endommagée ignorée dans %1</numerusform>
            <numerusform>%n entrées endommagées ignorées dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Past runs, kept on disk. Double-click one to show it (not while a run is going); select one to export it, two to compare them.</source>
        <translation>Mesures passées, gardées sur le disque. Double-cliquez sur l&apos;une pour l&apos;afficher (pas pendant une mesure) ; sélectionnez-en une pour l&apos;exporter, deux pour les comparer.</translation>
    </message>
    <message>
        <source>%1: no run in row %2</source>
        <translation>%1: aucune mesure à la ligne %2</translation>
    </message>
    <message>
        <source>%1: the run is no longer in the history</source>
        <translation>%1: la mesure n&apos;est plus dans l&apos;historique</translation>
    </message>
    <message>
        <source>Export failed: %1: the file name must end in .json or .csv</source>
        <translation>Échec de l&apos;export : %1: le nom du fichier doit se terminer par .json ou .csv</translation>
    </message>
    <message>
        <source>A run is in flight: past runs can be shown when it has ended</source>
        <translation>Une mesure est en cours : les mesures passées pourront être affichées quand elle sera terminée</translation>
    </message>
    <message>
        <source>none, e.g. linear,model=weights.json</source>
        <translation>aucune, p. ex. linear,model=weights.json</translation>
    </message>
    <message>
        <source>Score the measured rows again with this backend spec, ID[,key=value]… (endpoint= may name a scoring endpoint of the profile), and compare the outputs; over the tolerance the run is INVALID (same as --compare)</source>
        <translation>Scorer à nouveau les lignes mesurées avec cette spécification de backend, ID[,clé=valeur]… (endpoint= peut nommer un point d&apos;accès de scoring du profil), et comparer les sorties ; au-delà de la tolérance, l&apos;exécution est INVALID (comme --compare)</translation>
    </message>
    <message>
        <source>A value is over the tolerance when both its absolute and its relative difference exceed it (same as --tolerance)</source>
        <translation>Une valeur dépasse la tolérance quand ses écarts absolu et relatif la dépassent tous deux (comme --tolerance)</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>tolérance</translation>
    </message>
    <message>
        <source>Cross-chec&amp;k:</source>
        <translation>&amp;Vérification croisée :</translation>
    </message>
    <message>
        <source> rows</source>
        <translation> lignes</translation>
    </message>
    <message>
        <source>no plan</source>
        <translation>aucun plan</translation>
    </message>
    <message>
        <source>Capacity plan: the nodes needed to score this many rows within the duration at the measured rows/s per node (same as --capacity-rows)</source>
        <translation>Plan de capacité : les nœuds nécessaires pour scorer autant de lignes dans le délai, au débit mesuré en lignes/s par nœud (comme --capacity-rows)</translation>
    </message>
    <message>
        <source>e.g. 15m</source>
        <translation>p. ex. 15m</translation>
    </message>
    <message>
        <source>Duration: 90s, 15m, 2h, 1d or seconds (same as --capacity-within)</source>
        <translation>Durée : 90s, 15m, 2h, 1d ou secondes (comme --capacity-within)</translation>
    </message>
    <message>
        <source>within</source>
        <translation>en</translation>
    </message>
    <message>
        <source>Capacity plan:</source>
        <translation>Plan de capacité :</translation>
    </message>
    <message>
        <source>Cross-check: %1</source>
        <translation>Vérification croisée : %1</translation>
    </message>
    <message>
        <source>Cross-check tolerance: &apos;%1&apos; is not a number ≥ 0 (e.g. 1e-5)</source>
        <translation>Tolérance de la vérification croisée : &apos;%1&apos; n&apos;est pas un nombre ≥ 0 (p. ex. 1e-5)</translation>
    </message>
    <message>
        <source>Capacity plan: give the rows to score within %1</source>
        <translation>Plan de capacité : indiquez les lignes à scorer en %1</translation>
    </message>
    <message>
        <source>Capacity plan: give the duration to score the rows within (e.g. 15m)</source>
        <translation>Plan de capacité : indiquez le délai pour scorer les lignes (p. ex. 15m)</translation>
    </message>
    <message>
        <source>Capacity plan: %1</source>
        <translation>Plan de capacité : %1</translation>
    </message>
    <message>
        <source>Cross-check with %1: %2 rows, max |Δ| %3, max relative %4, %5 values over the tolerance %6</source>
        <translation>Vérification croisée avec %1 : %2 lignes, |Δ| max %3, relatif max %4, %5 valeurs au-delà de la tolérance %6</translation>
    </message>
    <message>
        <source>Capacity: %1</source>
        <translation>Capacité : %1</translation>
    </message>
    <message>
        <source>Capacity: no plan: %1</source>
        <translation>Capacité : aucun plan : %1</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected runs from the history (Del)</source>
        <translation>Supprimer de l&apos;historique les exécutions sélectionnées (Suppr)</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>Supprimer des exécutions</translation>
    </message>
    <message>
        <source>Delete the selected run from the history?</source>
        <translation>Supprimer de l&apos;historique l&apos;exécution sélectionnée ?</translation>
    </message>
    <message>
        <source>Delete the %1 selected runs from the history?</source>
        <translation>Supprimer de l&apos;historique les %1 exécutions sélectionnées ?</translation>
    </message>
    <message>
        <source>Deleted runs cannot be restored; export a run first to keep its report.</source>
        <translation>Les exécutions supprimées ne peuvent pas être restaurées ; exportez d&apos;abord une exécution pour garder son rapport.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Non supprimé : %1</translation>
    </message>
    <message>
        <source>Runs not deleted: %1</source>
        <translation>Exécutions non supprimées : %1</translation>
    </message>
    <message>
        <source>Deleted 1 run from the history</source>
        <translation>1 exécution supprimée de l&apos;historique</translation>
    </message>
    <message>
        <source>Deleted %1 runs from the history</source>
        <translation>%1 exécutions supprimées de l&apos;historique</translation>
    </message>
    <message>
        <source>Seed of the synthetic rows and of the Poisson schedule: the same seed, the same rows (same as --seed)</source>
        <translation>Graine des lignes synthétiques et du calendrier de Poisson : même graine, mêmes lignes (comme --seed)</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Graine :</translation>
    </message>
    <message>
        <source>Filter runs (Ctrl+F)</source>
        <translation>Filtrer les exécutions (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter past runs</source>
        <translation>Filtrer les exécutions passées</translation>
    </message>
    <message>
        <source>shown: %1 of %2</source>
        <translation>affichées : %1 sur %2</translation>
    </message>
    <message>
        <source>Trend…</source>
        <translation>Tendance…</translation>
    </message>
    <message>
        <source>Show the throughput and p99 latency of the runs listed over time (filter them to one backend first)</source>
        <translation>Afficher le débit et la latence p99 des exécutions listées dans le temps (filtrez d’abord sur un backend)</translation>
    </message>
    <message>
        <source>A trend needs at least two runs in the history table</source>
        <translation>Une tendance demande au moins deux exécutions dans la table de l’historique</translation>
    </message>
    <message>
        <source>Write the selected runs&apos; reports as JSON or CSV (several runs: one CSV row each)</source>
        <translation>Écrire les rapports des exécutions sélectionnées en JSON ou CSV (plusieurs exécutions : une ligne CSV chacune)</translation>
    </message>
    <message>
        <source>Select the runs to export</source>
        <translation>Sélectionnez les exécutions à exporter</translation>
    </message>
    <message>
        <source>Export %1 benchmark reports</source>
        <translation>Exporter %1 rapports de benchmark</translation>
    </message>
    <message>
        <source>%1 reports written to %2</source>
        <translation>%1 rapports écrits dans %2</translation>
    </message>
    <message>
        <source>Show only the runs with every word typed here in one of their columns (backend, model, scenario, verdict, date); -WORD leaves out the runs with it (-invalid: the VALID runs)</source>
        <translation>N’afficher que les exécutions ayant chaque mot saisi ici dans l’une de leurs colonnes (backend, modèle, scénario, verdict, date) ; -MOT écarte les exécutions qui l’ont (-invalid : les exécutions VALID)</translation>
    </message>
    <message>
        <source>×&amp;2 up to</source>
        <translation>×&amp;2 jusqu’à</translation>
    </message>
    <message>
        <source>One run per load level: the concurrency or rate above, doubled run after run up to this one; the sweep ends early where more load cannot do better (failed batches, p99 above Max p99, a rate the service falls behind)</source>
        <translation>Une exécution par niveau de charge : la concurrence ou le débit ci-dessus, doublé d’une exécution à l’autre jusqu’à cette valeur ; le balayage s’arrête tôt là où plus de charge ne peut pas faire mieux (lots en échec, p99 au-dessus de p99 max., un débit que le service ne tient pas)</translation>
    </message>
    <message>
        <source>Sweep up to this load</source>
        <translation>Balayer jusqu’à cette charge</translation>
    </message>
    <message>
        <source>Sweep:</source>
        <translation>Balayage :</translation>
    </message>
    <message>
        <source>Starting a sweep of %1…</source>
        <translation>Démarrage d’un balayage de %1…</translation>
    </message>
    <message>
        <source>Sweep: up to %1 is not above the concurrency %2</source>
        <translation>Balayage : jusqu’à %1 n’est pas au-dessus de la concurrence %2</translation>
    </message>
    <message>
        <source>Sweep: up to %1 is not above the rate %2</source>
        <translation>Balayage : jusqu’à %1 n’est pas au-dessus du débit %2</translation>
    </message>
    <message>
        <source>Sweep: up to %1 is not a whole number of batches</source>
        <translation>Balayage : jusqu’à %1 n’est pas un nombre entier de lots</translation>
    </message>
    <message>
        <source>Sweep: a cross-check does not depend on the load; clear Cross-check or run without a sweep</source>
        <translation>Balayage : une vérification croisée ne dépend pas de la charge ; videz Vérification croisée ou lancez sans balayage</translation>
    </message>
    <message>
        <source>Sweep, %1 (%2 of %3): %4</source>
        <translation>Balayage, %1 (%2 sur %3) : %4</translation>
    </message>
    <message>
        <source>Sweep finished: best %1, %2 rows/s, p99 %3 ms</source>
        <translation>Balayage terminé : meilleur %1, %2 lignes/s, p99 %3 ms</translation>
    </message>
    <message>
        <source>Sweep finished: no level was VALID</source>
        <translation>Balayage terminé : aucun niveau n’était VALID</translation>
    </message>
    <message>
        <source>Endpoint %1</source>
        <translation>Point d’accès %1</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Failed batches tolerated, in % of the measured ones: more make the run INVALID (a breached threshold); none: any failed batch does (same as --max-error-rate)</source>
        <translation>Lots en échec tolérés, en % des lots mesurés : davantage rendent l’exécution INVALID (un seuil dépassé) ; aucun : tout lot en échec le fait (comme --max-error-rate)</translation>
    </message>
    <message>
        <source>max failed</source>
        <translation>échecs max.</translation>
    </message>
    <message>
        <source>Show its load sweep…</source>
        <translation>Afficher son balayage de charge…</translation>
    </message>
    <message>
        <source>Cannot show the load sweep: %1</source>
        <translation>Impossible d’afficher le balayage de charge : %1</translation>
    </message>
    <message>
        <source>Showing the load sweep of %1: %2 levels</source>
        <translation>Balayage de charge du %1 : %2 niveaux</translation>
    </message>
    <message>
        <source>Draw again the load sweep the selected runs were levels of, from its levels in the history; runs of two sweeps: the later one against the earlier</source>
        <translation>Redessiner le balayage de charge dont les exécutions choisies étaient des niveaux, à partir de ses niveaux dans l’historique ; exécutions de deux balayages : le plus récent contre le plus ancien</translation>
    </message>
    <message>
        <source>Compare their load sweeps…</source>
        <translation>Comparer leurs balayages de charge…</translation>
    </message>
    <message>
        <source>Select runs of one load sweep to show it, or of two to compare them</source>
        <translation>Choisissez des exécutions d’un balayage de charge pour l’afficher, ou de deux pour les comparer</translation>
    </message>
    <message>
        <source>Cannot compare the load sweeps: %1</source>
        <translation>Impossible de comparer les balayages de charge : %1</translation>
    </message>
    <message>
        <source>Comparing the load sweep of %1 with that of %2</source>
        <translation>Comparaison du balayage de charge du %1 avec celui du %2</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::ServiceConfigEditor</name>
    <message>
        <source>remove the spaces around the URL</source>
        <translation>supprimez les espaces autour de l&apos;URL</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>pas une URL valide</translation>
    </message>
    <message>
        <source>must start with http:// or https://</source>
        <translation>doit commencer par http:// ou https://</translation>
    </message>
    <message>
        <source>must not contain a user name or password; use the authentication fields</source>
        <translation>ne doit contenir ni nom d&apos;utilisateur ni mot de passe ; utilisez les champs d&apos;authentification</translation>
    </message>
    <message>
        <source>has no host name</source>
        <translation>n&apos;a pas de nom d&apos;hôte</translation>
    </message>
    <message>
        <source>port 0 is not a usable port</source>
        <translation>le port 0 n&apos;est pas utilisable</translation>
    </message>
    <message>
        <source>must not have a fragment (&apos;#…&apos;)</source>
        <translation>ne doit pas avoir de fragment (&apos;#…&apos;)</translation>
    </message>
    <message>
        <source>must not have a query (&apos;?…&apos;)</source>
        <translation>ne doit pas avoir de requête (&apos;?…&apos;)</translation>
    </message>
    <message>
        <source>the path must be a database number (redis://host:6379/0)</source>
        <translation>le chemin doit être un numéro de base de données (redis://host:6379/0)</translation>
    </message>
    <message>
        <source>En&amp;vironment variable</source>
        <translation>&amp;Variable d&apos;environnement</translation>
    </message>
    <message>
        <source>&amp;Keychain key</source>
        <translation>Clé du &amp;trousseau</translation>
    </message>
    <message>
        <source>St&amp;ore secret in keychain…</source>
        <translation>Enregistrer le secret dans le tr&amp;ousseau…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Parcour&amp;ir…</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification (&amp;insecure)</source>
        <translation>I&amp;gnorer la vérification des certificats TLS (non sécurisé)</translation>
    </message>
    <message>
        <source>redis://host:6379/0 — empty: not used</source>
        <translation>redis://host:6379/0 — vide : non utilisé</translation>
    </message>
    <message>
        <source>https://host:port/base — empty: not used</source>
        <translation>https://host:port/base — vide : non utilisé</translation>
    </message>
    <message>
        <source>%1 URL</source>
        <translation>URL %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Password (AUTH)</source>
        <translation>Mot de passe (AUTH)</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic (utilisateur et mot de passe)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton Bearer</translation>
    </message>
    <message>
        <source>API key (Elasticsearch)</source>
        <translation>Clé d&apos;API (Elasticsearch)</translation>
    </message>
    <message>
        <source>optional ACL user</source>
        <translation>utilisateur ACL facultatif</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>The name of the environment variable, or the keychain key, that holds the secret. The secret itself is never written to the profiles file.</source>
        <translation>Le nom de la variable d&apos;environnement, ou la clé du trousseau, qui contient le secret. Le secret lui-même n&apos;est jamais écrit dans le fichier de profils.</translation>
    </message>
    <message>
        <source>PEM file; empty: system certificates only</source>
        <translation>fichier PEM ; vide : certificats du système uniquement</translation>
    </message>
    <message>
        <source>Certificates are not checked: anyone on the network path can read and change this traffic, credentials included. Use a CA file instead where you can.</source>
        <translation>Les certificats ne sont pas vérifiés : n&apos;importe qui sur le chemin réseau peut lire et modifier ce trafic, identifiants compris. Utilisez plutôt un fichier CA quand c&apos;est possible.</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL :</translation>
    </message>
    <message>
        <source>Aut&amp;hentication:</source>
        <translation>Aut&amp;hentification :</translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation>Utilisateu&amp;r :</translation>
    </message>
    <message>
        <source>Secret from:</source>
        <translation>Secret depuis :</translation>
    </message>
    <message>
        <source>Secret na&amp;me:</source>
        <translation>No&amp;m du secret :</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Fi&amp;chier CA :</translation>
    </message>
    <message>
        <source>e.g. OPSDECK_LIVY_TOKEN</source>
        <translation>p. ex. OPSDECK_LIVY_TOKEN</translation>
    </message>
    <message>
        <source>e.g. opsdeck/prod/livy</source>
        <translation>p. ex. opsdeck/prod/livy</translation>
    </message>
    <message>
        <source>%1 URL: %2</source>
        <translation>URL %1 : %2</translation>
    </message>
    <message>
        <source>CA certificates for %1</source>
        <translation>Certificats CA pour %1</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>rediss:// (TLS) is not supported: the Redis client speaks plain TCP only</source>
        <translation>rediss:// (TLS) n&apos;est pas pris en charge : le client Redis ne parle que TCP en clair</translation>
    </message>
    <message>
        <source>must start with redis://</source>
        <translation>doit commencer par redis://</translation>
    </message>
    <message>
        <source>A bundle of PEM certificates trusted in addition to the system&apos;s. A relative path is relative to the folder of the profiles file.</source>
        <translation>Un ensemble de certificats PEM approuvés en plus de ceux du système. Un chemin relatif part du dossier du fichier de profils.</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::ServicesPage</name>
    <message>
        <source>Refresh &amp;every:</source>
        <translation>Actualiser &amp;toutes les :</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between the end of one round of probes and the start of the next</source>
        <translation>Secondes entre la fin d&apos;un cycle de vérifications et le début du suivant</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Actualiser &amp;maintenant</translation>
    </message>
    <message>
        <source>Probe every service now (F5)</source>
        <translation>Vérifier tous les services maintenant (F5)</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>No round yet</source>
        <translation>Aucun cycle pour l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>Last round %1: %2 of %n service(s) up</source>
        <translation>
            <numerusform>Dernier cycle %1 : %2 sur %n service en ligne</numerusform>
            <numerusform>Dernier cycle %1 : %2 sur %n services en ligne</numerusform>
        </translation>
    </message>
    <message>
        <source>A round of probes is in flight</source>
        <translation>Un cycle de vérifications est en cours</translation>
    </message>
    <message>
        <source>%1 %2 is up again (was %3)</source>
        <translation>%1 %2 est de nouveau disponible (était %3)</translation>
    </message>
    <message>
        <source>%1 %2 is %3 (was %4)</source>
        <translation>%1 %2 est %3 (était %4)</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::StoreSecretDialog</name>
    <message>
        <source>Store secret for %1</source>
        <translation>Enregistrer le secret pour %1</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>The secret is stored in the system keychain (service &quot;opsdeck&quot;). The profile keeps only the key.</source>
        <translation>Le secret est enregistré dans le trousseau du système (service &quot;opsdeck&quot;). Le profil ne garde que la clé.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clé :</translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation>&amp;Secret :</translation>
    </message>
</context>
<context>
    <name>Opsdeck::Gui::TableCopy</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
</context>
</TS>
