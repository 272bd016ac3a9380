<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountStore</name>
    <message>
        <location filename="../widgets/jobs/account_store.cpp" line="+34"/>
        <source>No key is stored in the system keychain for this account.</source>
        <translation>Für dieses Konto ist kein Schlüssel im Systemschlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key could not be deleted from the system keychain: %1</source>
        <translation>Der Schlüssel konnte nicht aus dem Systemschlüsselbund gelöscht werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access to the system keychain was denied.</source>
        <translation>Der Zugriff auf den Systemschlüsselbund wurde verweigert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No system keychain is available (is a Secret Service such as GNOME Keyring or KWallet running?). The key was not stored: the workbench never writes it in plain text.</source>
        <translation>Kein Systemschlüsselbund verfügbar (läuft ein Secret Service wie GNOME Keyring oder KWallet?). Der Schlüssel wurde nicht gespeichert: Die Workbench schreibt ihn nie im Klartext.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system keychain does not support this operation.</source>
        <translation>Der Systemschlüsselbund unterstützt diesen Vorgang nicht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system keychain failed: %1</source>
        <translation>Der Systemschlüsselbund ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The system keychain did not answer within %1 s.</source>
        <translation>Der Systemschlüsselbund hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>system keychain</source>
        <translation>Systemschlüsselbund</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No key is stored for this account.</source>
        <translation>Für dieses Konto ist kein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Enter a name for the account.</source>
        <translation>Geben Sie einen Namen für das Konto ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name may use letters, digits, spaces, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (at most %1 characters).</source>
        <translation>Der Name darf Buchstaben, Ziffern, Leerzeichen, &apos;_&apos;, &apos;.&apos; und &apos;-&apos; enthalten (höchstens %1 Zeichen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the IBM Cloud API key.</source>
        <translation>Geben Sie den IBM-Cloud-API-Schlüssel ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The API key must be one word of at most %1 characters.</source>
        <translation>Der API-Schlüssel muss ein Wort aus höchstens %1 Zeichen sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The instance CRN is not valid: %1</source>
        <translation>Die Instanz-CRN ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not an http(s) URL.</source>
        <translation>%1 ist keine http(s)-URL.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Only accounts entered in the workbench can be removed here.</source>
        <translation>Hier können nur Konten entfernt werden, die in der Workbench eingegeben wurden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No Qiskit account is read in this session.</source>
        <translation>In dieser Sitzung wird kein Qiskit-Konto gelesen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>There is no account named %1.</source>
        <translation>Es gibt kein Konto namens %1.</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/main.cpp" line="+40"/>
        <source>No translation for &quot;%1&quot;; using English.</source>
        <translation>Keine Übersetzung für „%1“; die Oberfläche bleibt englisch.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot write the screenshot to %1.</source>
        <translation>Das Bildschirmfoto kann nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../app/command_line.cpp" line="+27"/>
        <source>QAOA Workbench: edit LLM cascade routing problems, inspect their QUBO and solve them.</source>
        <translation>QAOA Workbench: LLM-Kaskaden-Routing-Probleme bearbeiten, ihr QUBO ansehen und sie lösen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Render the main window to a PNG &lt;file&gt; and exit.</source>
        <translation>Das Hauptfenster als PNG in &lt;datei&gt; speichern und beenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User interface language &lt;code&gt;, for example de or en.</source>
        <translation>Sprache der Oberfläche &lt;code&gt;, zum Beispiel de oder en.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not offer to recover autosaved projects.</source>
        <translation>Keine Wiederherstellung automatisch gesicherter Projekte anbieten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>project</source>
        <translation>projekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project file (.qwproj) to open; without it the example opens.</source>
        <translation>Zu öffnende Projektdatei (.qwproj); ohne sie öffnet sich das Beispiel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[project]</source>
        <translation>[projekt]</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Give at most one project file.</source>
        <translation>Höchstens eine Projektdatei angeben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot braucht einen Dateinamen.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../widgets/document/error_text.cpp" line="+13"/>
        <source>An option is out of range.</source>
        <translation>Eine Option liegt außerhalb des zulässigen Bereichs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The data break a rule of the format.</source>
        <translation>Die Daten verletzen eine Regel des Formats.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file could not be read or written.</source>
        <translation>Die Datei konnte nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The problem exceeds a size limit.</source>
        <translation>Das Problem überschreitet eine Größengrenze.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The problem has no feasible solution.</source>
        <translation>Das Problem hat keine zulässige Lösung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The solver failed.</source>
        <translation>Der Löser ist gescheitert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
</context>
<context>
    <name>ExperimentTableModel</name>
    <message>
        <location filename="../widgets/experiment/experiment_table_model.cpp" line="+56"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mixer</source>
        <translation>Mixer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shots</source>
        <translation>Shots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>angles</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ_Q</source>
        <translation>λ_Q</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ_A</source>
        <translation>λ_A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ_B</source>
        <translation>λ_B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ_L</source>
        <translation>λ_L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ_C</source>
        <translation>λ_C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qubits</source>
        <translation>Qubits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⟨H⟩</source>
        <translation>⟨H⟩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AR</source>
        <translation>AR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AR*</source>
        <translation>AR*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P(optimum)</source>
        <translation>P(Optimum)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid rate</source>
        <translation>Gültigkeitsrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>random valid rate</source>
        <translation>Zufällige Gültigkeitsrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid rate (exact)</source>
        <translation>Gültigkeitsrate (exakt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>feasible rate</source>
        <translation>Zulässigkeitsrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>best valid cost (USD)</source>
        <translation>Beste gültige Kosten (USD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluations</source>
        <translation>Auswertungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q-factor</source>
        <translation>Q-Faktor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q kind</source>
        <translation>Q-Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q lower</source>
        <translation>Q unten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q upper</source>
        <translation>Q oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimum</source>
        <translation>Optimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paper valid rate</source>
        <translation>Gültigkeitsrate (Paper)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paper cost (USD)</source>
        <translation>Kosten (Paper, USD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>swaps</source>
        <translation>SWAPs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router</source>
        <translation>Router</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>FigureExport</name>
    <message>
        <location filename="../widgets/export/figure_export.cpp" line="+46"/>
        <source>Cannot write the figure to %1.</source>
        <translation>Die Abbildung kann nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Export figure…</source>
        <translation>Abbildung exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the figure as PNG, SVG or PDF</source>
        <translation>Abbildung als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export data as CSV…</source>
        <translation>Daten als CSV exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the plotted data as a CSV table</source>
        <translation>Die dargestellten Daten als CSV-Tabelle speichern</translation>
    </message>
    <message>
        <location filename="../widgets/export/csv_export.cpp" line="+77"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Data as CSV</source>
        <translation>Daten als CSV exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
</context>
<context>
    <name>GraphFile</name>
    <message>
        <location filename="../widgets/graph/graph_file.cpp" line="+77"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot tell the export format of %1 from its name: use .json, .bqm.json, .gset, .rudy, .mc, .qubo or .mqlib (optionally followed by .gz).</source>
        <translation>Das Exportformat von %1 lässt sich nicht aus dem Namen ableiten: Verwenden Sie .json, .bqm.json, .gset, .rudy, .mc, .qubo oder .mqlib (optional gefolgt von .gz).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: a Gset edge list holds a graph, not a QUBO with linear terms; export the QUBO as .json, .qubo or .bqm.json instead.</source>
        <translation>%1: Eine Gset-Kantenliste enthält einen Graphen, kein QUBO mit linearen Termen; exportieren Sie das QUBO stattdessen als .json, .qubo oder .bqm.json.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Graphs and QUBOs (*.json *.gset *.rudy *.mc *.qubo *.mqlib *.txt *.gz);;All files (*)</source>
        <translation>Graphen und QUBOs (*.json *.gset *.rudy *.mc *.qubo *.mqlib *.txt *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workbench JSON (*.json);;Gset edge list (*.gset *.rudy *.mc);;MQLib QUBO (*.qubo *.mqlib);;D-Wave BQM (*.bqm.json);;All files (*)</source>
        <translation>Workbench-JSON (*.json);;Gset-Kantenliste (*.gset *.rudy *.mc);;MQLib-QUBO (*.qubo *.mqlib);;D-Wave-BQM (*.bqm.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>JsonTree</name>
    <message numerus="yes">
        <location filename="../widgets/bundle/json_tree.cpp" line="+36"/>
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n Schlüssel}</numerusform>
            <numerusform>{%n Schlüssel}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n Element]</numerusform>
            <numerusform>[%n Elemente]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../widgets/commands/add_remove_task.cpp" line="+15"/>
        <source>Add Task</source>
        <translation>Aufgabe hinzufügen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove Task</source>
        <translation>Aufgabe entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/commands/add_remove_model.cpp" line="+14"/>
        <source>Add Model</source>
        <translation>Modell hinzufügen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove Model</source>
        <translation>Modell entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/models/task_table_model.cpp" line="+279"/>
        <source>Change Task %1</source>
        <translation>Aufgabe %1 ändern</translation>
    </message>
    <message>
        <location filename="../widgets/models/model_table_model.cpp" line="+198"/>
        <source>Change Model %1</source>
        <translation>Modell %1 ändern</translation>
    </message>
    <message>
        <location filename="../widgets/panels/penalty_panel.cpp" line="+96"/>
        <source>Change One-Hot Penalty</source>
        <translation>One-Hot-Strafgewicht ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change Quality Penalty</source>
        <translation>Qualitäts-Strafgewicht ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change Budget Penalty</source>
        <translation>Budget-Strafgewicht ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change Latency Penalty</source>
        <translation>Latenz-Strafgewicht ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change Context Penalty</source>
        <translation>Kontext-Strafgewicht ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change Budget</source>
        <translation>Budget ändern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change Slack Bits</source>
        <translation>Schlupfbits ändern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change Objective</source>
        <translation>Zielfunktion ändern</translation>
    </message>
    <message>
        <location filename="../widgets/panels/solve_panel.cpp" line="+211"/>
        <source>Change Solver</source>
        <translation>Löser ändern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change Seed</source>
        <translation>Startwert ändern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change Annealing Steps</source>
        <translation>Annealing-Schritte ändern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change Annealing Restarts</source>
        <translation>Annealing-Neustarts ändern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change Budget Mode</source>
        <translation>Budgetmodus ändern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change Pair Constraints</source>
        <translation>Paarbedingungen ändern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change Time Limit</source>
        <translation>Zeitlimit ändern</translation>
    </message>
    <message>
        <location filename="../widgets/graph/graph_commands.cpp" line="+25"/>
        <source>Add Vertex</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add Edge</source>
        <translation>Kante hinzufügen</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Set Edge Weight</source>
        <translation>Kantengewicht festlegen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Set Linear Term</source>
        <translation>Linearen Term festlegen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Change Graph Problem</source>
        <translation>Graphproblem ändern</translation>
    </message>
</context>
<context>
    <name>workbench::AccountDialog</name>
    <message>
        <location filename="../widgets/jobs/account_dialog.cpp" line="+24"/>
        <source>IBM Quantum Account</source>
        <translation>IBM-Quantum-Konto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. open-plan</source>
        <translation>z. B. open-plan</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+54"/>
        <source>IBM Cloud API key</source>
        <translation>IBM-Cloud-API-Schlüssel</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Kept in the system keychain; never written in plain text</source>
        <translation>Wird im Systemschlüsselbund verwahrt, nie im Klartext geschrieben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>from the CRN&apos;s region</source>
        <translation>aus der Region der CRN</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instance CRN:</source>
        <translation>Instanz-CRN:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API URL (optional):</source>
        <translation>API-URL (optional):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IAM URL (optional):</source>
        <translation>IAM-URL (optional):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>enter the key again (stored: %1)</source>
        <translation>Schlüssel erneut eingeben (gespeichert: %1)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>invalid CRN: %1</source>
        <translation>ungültige CRN: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Connecting to %1 …</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Connected: the instance offers %n backend(s).</source>
        <translation>
            <numerusform>Verbunden: Die Instanz bietet %n Backend.</numerusform>
            <numerusform>Verbunden: Die Instanz bietet %n Backends.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>workbench::BundleJob</name>
    <message>
        <location filename="../widgets/bundle/bundle_job.cpp" line="+79"/>
        <source>Reading the bundle and checking its hashes</source>
        <translation>Bundle wird gelesen und Hashes werden geprüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recomputing and comparing</source>
        <translation>Neuberechnung und Vergleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rebuilding the plots</source>
        <translation>Plots werden neu erstellt</translation>
    </message>
</context>
<context>
    <name>workbench::BundlePlotsView</name>
    <message>
        <location filename="../widgets/bundle/bundle_plots_view.cpp" line="+45"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The plots appear when the bundle has been read.</source>
        <translation>Die Plots erscheinen, sobald das Bundle gelesen wurde.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>This kind of bundle has no plots.</source>
        <translation>Diese Art von Bundle hat keine Plots.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>frequency</source>
        <translation>Häufigkeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rule-based angles: no optimiser ran, so there is no trace. The line marks the stored final ⟨H⟩.</source>
        <translation>Regelbasierte Winkel: Es lief kein Optimierer, daher gibt es keinen Verlauf. Die Linie markiert das gespeicherte finale ⟨H⟩.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The optimiser&apos;s %n evaluation(s), replayed with the recorded options and seeds (the bundle stores only the final angles). The line marks the stored final ⟨H⟩.</source>
        <translation>
            <numerusform>Die %n Auswertung des Optimierers, mit den aufgezeichneten Optionen und Seeds nachgespielt (das Bundle speichert nur die finalen Winkel). Die Linie markiert das gespeicherte finale ⟨H⟩.</numerusform>
            <numerusform>Die %n Auswertungen des Optimierers, mit den aufgezeichneten Optionen und Seeds nachgespielt (das Bundle speichert nur die finalen Winkel). Die Linie markiert das gespeicherte finale ⟨H⟩.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle stores only the final angles and the optimiser trace was not replayed.</source>
        <translation>Das Bundle speichert nur die finalen Winkel, und der Optimiererverlauf wurde nicht nachgespielt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convergence</source>
        <translation>Konvergenz</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Valid rate</source>
        <translation>Gültigkeitsrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact valid (one-hot) rate of every evaluated state against the uniform-random rate %1; stored final rate %2.</source>
        <translation>Exakte Gültigkeitsrate (One-Hot) jedes ausgewerteten Zustands gegenüber der gleichverteilt zufälligen Rate %1; gespeicherte finale Rate %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>States</source>
        <translation>Zustände</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The %n most probable basis state(s) of the final state, as stored in the bundle.</source>
        <translation>
            <numerusform>Der %n wahrscheinlichste Basiszustand des finalen Zustands, wie im Bundle gespeichert.</numerusform>
            <numerusform>Die %n wahrscheinlichsten Basiszustände des finalen Zustands, wie im Bundle gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Landscape</source>
        <translation>Landschaft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The exact p = 1 energy landscape of the instance&apos;s QUBO; the marker is the bundle&apos;s angles.</source>
        <translation>Die exakte Energielandschaft für p = 1 des QUBO der Instanz; die Markierung zeigt die Winkel des Bundles.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Energy histogram</source>
        <translation>Energiehistogramm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QUBO energies of the raw, mitigated and filtered samples in samples.json; the dashed line is the stored optimum.</source>
        <translation>QUBO-Energien der rohen, mitigierten und gefilterten Samples in samples.json; die gestrichelte Linie ist das gespeicherte Optimum.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Success curves</source>
        <translation>Erfolgskurven</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the %1 random and %2 warm runs that reached the optimum within T (%3), from the stored first successes.</source>
        <translation>Anteil der %1 zufälligen und %2 warmgestarteten Läufe, die das Optimum innerhalb von T (%3) erreicht haben, aus den gespeicherten ersten Erfolgen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle records no heuristic runs.</source>
        <translation>Das Bundle enthält keine heuristischen Läufe.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Q-factor</source>
        <translation>Q-Faktor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Q-factor of the stored runs against their number, with its bootstrap band; stored Q = %1.</source>
        <translation>Der Q-Faktor der gespeicherten Läufe in Abhängigkeit von ihrer Anzahl, mit Bootstrap-Band; gespeichertes Q = %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The %n most frequent outcome(s) of %1 shots, from the job&apos;s results.</source>
        <translation>
            <numerusform>Das %n häufigste Ergebnis von %1 Shots, aus den Ergebnissen des Jobs.</numerusform>
            <numerusform>Die %n häufigsten Ergebnisse von %1 Shots, aus den Ergebnissen des Jobs.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>valid rate %1 (uniform random %2)</source>
        <translation>Gültigkeitsrate %1 (gleichverteilt zufällig %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best valid cost $%1</source>
        <translation>Beste gültige Kosten $%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best energy %1, mean energy %2, optimum %3</source>
        <translation>Beste Energie %1, mittlere Energie %2, Optimum %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>approximation ratio %1</source>
        <translation>Approximationsverhältnis %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected cut %1, best cut %2, optimal cut %3</source>
        <translation>Erwarteter Schnitt %1, bester Schnitt %2, optimaler Schnitt %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quantity</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The stored analysis of the job&apos;s results (recomputed in the report).</source>
        <translation>Die gespeicherte Analyse der Ergebnisse des Jobs (im Bericht neu berechnet).</translation>
    </message>
</context>
<context>
    <name>workbench::BundleWindow</name>
    <message>
        <location filename="../widgets/bundle/bundle_window.cpp" line="+65"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 – Reproducible bundle</source>
        <translation>%1 – Reproduzierbares Bundle</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Producer:</source>
        <translation>Erzeuger:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instance:</source>
        <translation>Instanz:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member</source>
        <translation>Bestandteil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show only differences and values not compared</source>
        <translation>Nur Abweichungen und nicht verglichene Werte anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantity</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recomputed</source>
        <translation>Neu berechnet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tolerance</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verification</source>
        <translation>Verifikation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plots</source>
        <translation>Plots</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-verify</source>
        <translation>Erneut verifizieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save member…</source>
        <translation>Bestandteil speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the selected member file exactly as it is in the bundle</source>
        <translation>Die ausgewählte Bestandteildatei genau so speichern, wie sie im Bundle liegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not verified yet.</source>
        <translation>Noch nicht verifiziert.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Verifying %1 …</source>
        <translation>%1 wird verifiziert …</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The plots appear when the bundle has been read and verified.</source>
        <translation>Die Plots erscheinen, sobald das Bundle gelesen und verifiziert wurde.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LCRP %1: %2 tasks × %3 models</source>
        <translation>LCRP %1: %2 Tasks × %3 Modelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 graph %2: %3 vertices, %4 edges</source>
        <translation>%1-Graph %2: %3 Knoten, %4 Kanten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>QUBO %1: %2 variables</source>
        <translation>QUBO %1: %2 Variablen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>instance.json could not be read (see the verification)</source>
        <translation>instance.json konnte nicht gelesen werden (siehe Verifikation)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every member&apos;s SHA-256 matches the manifest. Recomputing …</source>
        <translation>Die SHA-256 jedes Bestandteils stimmt mit dem Manifest überein. Neuberechnung …</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>changed: hash differs</source>
        <translation>geändert: Hash weicht ab</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not listed</source>
        <translation>nicht aufgeführt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>manifest: %1
file: %2</source>
        <translation>Manifest: %1
Datei: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>relative %1</source>
        <translation>relativ %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not compared</source>
        <translation>nicht verglichen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>match</source>
        <translation>stimmt überein</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIFFERS</source>
        <translation>WEICHT AB</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source> %n value(s) depend on wall-clock time and were not compared.</source>
        <translation>
            <numerusform> %n Wert hängt von der Uhrzeit ab und wurde nicht verglichen.</numerusform>
            <numerusform> %n Werte hängen von der Uhrzeit ab und wurden nicht verglichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Verified: all %n recomputed quantities match the bundle.</source>
        <translation>
            <numerusform>Verifiziert: Die %n neu berechnete Größe stimmt mit dem Bundle überein.</numerusform>
            <numerusform>Verifiziert: Alle %n neu berechneten Größen stimmen mit dem Bundle überein.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not verified: nothing could be compared.</source>
        <translation>Nicht verifiziert: Es konnte nichts verglichen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verification FAILED: %1 of %2 quantities differ from the recomputation (see Verification).</source>
        <translation>Verifikation FEHLGESCHLAGEN: %1 von %2 Größen weichen von der Neuberechnung ab (siehe Verifikation).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Verification of %1 cancelled.</source>
        <translation>Verifikation von %1 abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled before the plots were rebuilt.</source>
        <translation>Abgebrochen, bevor die Plots neu erstellt wurden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The bundle %1 cannot be opened.</source>
        <translation>Das Bundle %1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No plots: the bundle could not be read.</source>
        <translation>Keine Plots: Das Bundle konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle %1 could not be recomputed.</source>
        <translation>Das Bundle %1 konnte nicht neu berechnet werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No plots: the bundle could not be recomputed.</source>
        <translation>Keine Plots: Das Bundle konnte nicht neu berechnet werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The plots could not be rebuilt.</source>
        <translation>Die Plots konnten nicht neu erstellt werden.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no verification report to export yet.</source>
        <translation>Es gibt noch keinen Verifikationsbericht zum Exportieren.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The bundle has no member %1.</source>
        <translation>Das Bundle hat keinen Bestandteil %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The bundle has not been read.</source>
        <translation>Das Bundle wurde nicht gelesen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export verification report</source>
        <translation>Verifikationsbericht exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save member %1</source>
        <translation>Bestandteil %1 speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save member</source>
        <translation>Bestandteil speichern</translation>
    </message>
</context>
<context>
    <name>workbench::CircuitView</name>
    <message>
        <location filename="../widgets/circuit/circuit_view.cpp" line="+122"/>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Verkleinern (Strg+Mausrad)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Vergrößern (Strg+Mausrad)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom so that the wires fit the height of the view</source>
        <translation>So zoomen, dass die Leitungen in die Höhe der Ansicht passen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrap the diagram into several rows of wires after this many columns (0: off)</source>
        <translation>Das Diagramm nach so vielen Spalten in mehrere Zeilen von Leitungen umbrechen (0: aus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fold:</source>
        <translation>Umbruch:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the whole diagram as PNG, SVG or PDF, or its gate list as CSV</source>
        <translation>Das gesamte Diagramm als PNG, SVG oder PDF speichern oder seine Gatterliste als CSV</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>operation %1, column %2</source>
        <translation>Operation %1, Spalte %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+16"/>
        <location line="+4"/>
        <source>Qubits: %1</source>
        <translation>Qubits: %1</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Qubit %1 → bit %2</source>
        <translation>Qubit %1 → Bit %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All qubits</source>
        <translation>Alle Qubits</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 wires · %2 operations · %3 columns</source>
        <translation>%1 Leitungen · %2 Operationen · %3 Spalten</translation>
    </message>
    <message>
        <location line="+474"/>
        <source>No circuit</source>
        <translation>Keine Schaltung</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>Click to highlight the wire of %1</source>
        <translation>Klicken, um die Leitung von %1 hervorzuheben</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+17"/>
        <location line="+27"/>
        <source>Circuit diagram</source>
        <translation>Schaltungsdiagramm</translation>
    </message>
</context>
<context>
    <name>workbench::EnergyHistogramPlot</name>
    <message>
        <location filename="../widgets/plots/warmstart_plots.cpp" line="+51"/>
        <source>QUBO energy</source>
        <translation>QUBO-Energie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fraction of samples</source>
        <translation>Anteil der Stichproben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>raw</source>
        <translation>roh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mitigated</source>
        <translation>korrigiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>filtered pool</source>
        <translation>gefilterter Pool</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Sample energy histogram</source>
        <translation>Energiehistogramm der Samples</translation>
    </message>
</context>
<context>
    <name>workbench::ExperimentPanel</name>
    <message>
        <location filename="../widgets/experiment/experiment_panel.cpp" line="+47"/>
        <source>LCRP Table 2</source>
        <translation>LCRP Tabelle 2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LCRP Table 3</source>
        <translation>LCRP Tabelle 3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LCRP Table 4</source>
        <translation>LCRP Tabelle 4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warm starts Fig. 5</source>
        <translation>Warmstarts Abb. 5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Routing Fig. 7</source>
        <translation>Routing Abb. 7</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The LCRP paper&apos;s penalty-weight table (λ_Q = 5…80) on its 4 × 3 instance</source>
        <translation>Die Straftermgewichts-Tabelle des LCRP-Papers (λ_Q = 5…80) auf dessen 4 × 3-Instanz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The LCRP paper&apos;s scaling table (N = 2, 4, 6 tasks)</source>
        <translation>Die Skalierungstabelle des LCRP-Papers (N = 2, 4, 6 Tasks)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The LCRP paper&apos;s depth table (p = 1, 2, 3)</source>
        <translation>Die Tiefentabelle des LCRP-Papers (p = 1, 2, 3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Q-factors of QAOA-warm-started tabu search on random graphs</source>
        <translation>Q-Faktoren der QAOA-warmgestarteten Tabusuche auf Zufallsgraphen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SWAP counts of the routers on random regular graphs</source>
        <translation>SWAP-Anzahlen der Router auf zufälligen regulären Graphen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+52"/>
        <location line="+319"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="-369"/>
        <source>Paused: running points finish, no new ones start.</source>
        <translation>Angehalten: Laufende Punkte werden beendet, keine neuen gestartet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>QAOA</source>
        <translation>QAOA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm-start pipeline</source>
        <translation>Warmstart-Pipeline</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Settings of every point as a JSON object of parameter values, for example {&quot;shots&quot;: 1000, &quot;params&quot;: &quot;predicted&quot;}</source>
        <translation>Einstellungen jedes Punkts als JSON-Objekt mit Parameterwerten, zum Beispiel {&quot;shots&quot;: 1000, &quot;params&quot;: &quot;predicted&quot;}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+25"/>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Axis</source>
        <translation>Achse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values (1,2,3 or 1:6 or x,xy)</source>
        <translation>Werte (1,2,3 oder 1:6 oder x,xy)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Points run in parallel; the results do not depend on it</source>
        <translation>Punkte laufen parallel; die Ergebnisse hängen nicht davon ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same seed for every point</source>
        <translation>Gleicher Seed für jeden Punkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Otherwise each point&apos;s seed is derived from the base seed and its index</source>
        <translation>Andernfalls wird der Seed jedes Punkts aus dem Basis-Seed und seinem Index abgeleitet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reproduce the papers</source>
        <translation>Papers reproduzieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Quick (reduced size)</source>
        <translation>Schnell (reduzierte Größe)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds to a minute instead of the papers&apos; full sizes</source>
        <translation>Sekunden bis eine Minute statt der vollen Größen der Papers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save CSV…</source>
        <translation>CSV speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save JSON…</source>
        <translation>JSON speichern…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Plot</source>
        <translation>Plot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>against</source>
        <translation>gegen</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No instance: open or create a project first.</source>
        <translation>Keine Instanz: Öffnen oder erstellen Sie zuerst ein Projekt.</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Running %n point(s)…</source>
        <translation>
            <numerusform>%n Punkt wird ausgeführt…</numerusform>
            <numerusform>%n Punkte werden ausgeführt…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Finished: %n row(s) in %1 s.</source>
        <translation>
            <numerusform>Fertig: %n Zeile in %1 s.</numerusform>
            <numerusform>Fertig: %n Zeilen in %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Cancelled: %n row(s) finished.</source>
        <translation>
            <numerusform>Abgebrochen: %n Zeile fertiggestellt.</numerusform>
            <numerusform>Abgebrochen: %n Zeilen fertiggestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n point(s) failed; the first: %1</source>
        <translation>
            <numerusform>%n Punkt fehlgeschlagen; der erste: %1</numerusform>
            <numerusform>%n Punkte fehlgeschlagen; der erste: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none (open a project)</source>
        <translation>keine (öffnen Sie ein Projekt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LCRP, %1 tasks × %2 models</source>
        <translation>LCRP, %1 Aufgaben × %2 Modelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>graph, %1 vertices</source>
        <translation>Graph, %1 Knoten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QUBO, %1 variables</source>
        <translation>QUBO, %1 Variablen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Save experiment as JSON</source>
        <translation>Experiment als JSON speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save experiment as CSV</source>
        <translation>Experiment als CSV speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>workbench::ExperimentPlot</name>
    <message>
        <location filename="../widgets/experiment/experiment_plot.cpp" line="+130"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (random)</source>
        <translation>%1 (zufällig)</translation>
    </message>
</context>
<context>
    <name>workbench::ExperimentTableModel</name>
    <message>
        <location filename="../widgets/experiment/experiment_table_model.cpp" line="+37"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>workbench::FigureExportDialog</name>
    <message>
        <location filename="../widgets/export/figure_export_dialog.cpp" line="+52"/>
        <source>Export Figure: %1</source>
        <translation>Abbildung exportieren: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file to write; its suffix (.png, .svg, .pdf) picks the format</source>
        <translation>Die zu schreibende Datei; ihre Endung (.png, .svg, .pdf) bestimmt das Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image (raster, at the DPI below)</source>
        <translation>PNG-Bild (Raster, mit der unten angegebenen DPI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (vector)</source>
        <translation>SVG-Zeichnung (Vektor)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (vector, one page)</source>
        <translation>PDF-Dokument (Vektor, eine Seite)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>px (1/96 inch)</source>
        <translation>px (1/96 Zoll)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Natural size</source>
        <translation>Natürliche Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The size at which every detail of the figure is shown</source>
        <translation>Die Größe, in der jedes Detail der Abbildung dargestellt wird</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels per inch of a PNG; SVG and PDF are vector drawings of the physical size</source>
        <translation>Pixel pro Zoll eines PNG; SVG und PDF sind Vektorzeichnungen in der physischen Größe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the axis labels; tick labels and legends are a little smaller</source>
        <translation>Größe der Achsenbeschriftungen; Teilstrichbeschriftungen und Legenden sind etwas kleiner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This figure keeps its own fonts, which its layout depends on</source>
        <translation>Diese Abbildung behält ihre eigenen Schriften, von denen ihr Layout abhängt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Light (as on screen)</source>
        <translation>Hell (wie auf dem Bildschirm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print (white, black axes, thicker lines, colour-blind safe colours)</source>
        <translation>Druck (weiß, schwarze Achsen, dickere Linien, farbenblindsichere Farben)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also write the plotted data as CSV (same name, .csv)</source>
        <translation>Die dargestellten Daten auch als CSV schreiben (gleicher Name, .csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Font:</source>
        <translation>Schrift:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Style:</source>
        <translation>Stil:</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>= %1 × %2 px at %3 DPI (%4 × %5 mm)</source>
        <translation>= %1 × %2 px bei %3 DPI (%4 × %5 mm)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
</context>
<context>
    <name>workbench::GraphDocument</name>
    <message>
        <location filename="../widgets/graph/graph_document.cpp" line="+47"/>
        <source>Vertex %1 or %2 does not exist (the graph has %3 vertices).</source>
        <translation>Knoten %1 oder %2 existiert nicht (der Graph hat %3 Knoten).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An edge needs two different vertices (both are %1).</source>
        <translation>Eine Kante benötigt zwei verschiedene Knoten (beide sind %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The weight of edge (%1, %2) is not a finite number.</source>
        <translation>Das Gewicht der Kante (%1, %2) ist keine endliche Zahl.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edge (%1, %2) already exists.</source>
        <translation>Die Kante (%1, %2) existiert bereits.</translation>
    </message>
</context>
<context>
    <name>workbench::GraphEditorPanel</name>
    <message>
        <location filename="../widgets/graph/graph_editor_panel.cpp" line="+81"/>
        <source>Max-Cut</source>
        <translation>Max-Cut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIS</source>
        <translation>MIS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QUBO</source>
        <translation>QUBO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the graph encodes</source>
        <translation>Was der Graph kodiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>λ = </source>
        <translation>λ = </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIS penalty λ on each edge (above 1 the QUBO minimum is a maximum independent set)</source>
        <translation>MIS-Strafterm λ auf jeder Kante (über 1 ist das QUBO-Minimum eine maximale unabhängige Menge)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Spring layout: %1 %</source>
        <translation>Federlayout: %1 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click &quot;Add vertex&quot; or &quot;Generate…&quot; to start; drag between vertices in &quot;Add edge&quot; mode.</source>
        <translation>Klicken Sie auf „Knoten hinzufügen“ oder „Generieren…“, um zu beginnen; ziehen Sie im Modus „Kante hinzufügen“ zwischen Knoten.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Select</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add vertex</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add edge</source>
        <translation>Kante hinzufügen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected vertices and edges (Delete key in the view)</source>
        <translation>Ausgewählte Knoten und Kanten löschen (Entf-Taste in der Ansicht)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+174"/>
        <source>Spring layout</source>
        <translation>Federlayout</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Circular layout</source>
        <translation>Kreislayout</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+13"/>
        <location line="+7"/>
        <source>Device layout</source>
        <translation>Gerätelayout</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Heavy-hex Heron r2 (156 qubits)</source>
        <translation>Heavy-Hex Heron r2 (156 Qubits)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heavy-hex Heron r1 (133 qubits)</source>
        <translation>Heavy-Hex Heron r1 (133 Qubits)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heavy-hex Eagle (127 qubits)</source>
        <translation>Heavy-Hex Eagle (127 Qubits)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Square grid (fits the graph)</source>
        <translation>Quadratgitter (passend zum Graphen)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Generate…</source>
        <translation>Generieren…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+74"/>
        <source>Generate Graph</source>
        <translation>Graph generieren</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Import Graph</source>
        <translation>Graph importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Export Graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 vertices placed on a circle; use &quot;Spring layout&quot; to untangle them.</source>
        <translation>%1 Knoten auf einem Kreis platziert; verwenden Sie „Federlayout“, um sie zu entwirren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported %1.</source>
        <translation>%1 importiert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Circular Layout</source>
        <translation>Kreislayout</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Device Layout (%1)</source>
        <translation>Gerätelayout (%1)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Spring layout: running…</source>
        <translation>Federlayout: läuft…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Spring layout cancelled.</source>
        <translation>Federlayout abgebrochen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spring layout discarded: the graph changed while it ran.</source>
        <translation>Federlayout verworfen: Der Graph wurde während der Berechnung geändert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Spring Layout</source>
        <translation>Federlayout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spring layout applied.</source>
        <translation>Federlayout angewendet.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Edge Weight</source>
        <translation>Kantengewicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of edge (%1, %2):</source>
        <translation>Gewicht der Kante (%1, %2):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Vertex %1: linear terms are edited in the QUBO problem kind.</source>
        <translation>Knoten %1: Lineare Terme werden in der Problemart QUBO bearbeitet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Linear Term</source>
        <translation>Linearer Term</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Linear term a of vertex %1:</source>
        <translation>Linearer Term a von Knoten %1:</translation>
    </message>
</context>
<context>
    <name>workbench::GraphGeneratorDialog</name>
    <message>
        <location filename="../widgets/graph/graph_generator_dialog.cpp" line="+94"/>
        <source>Generate Graph</source>
        <translation>Graph generieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erdős–Rényi G(n, p)</source>
        <translation>Erdős–Rényi G(n, p)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random d-regular</source>
        <translation>Zufällig d-regulär</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line (path)</source>
        <translation>Linie (Pfad)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete (SK with ±1 weights)</source>
        <translation>Vollständig (SK mit ±1-Gewichten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SWAP-enhanced heavy-hex (weights in [-1, 1])</source>
        <translation>SWAP-erweitertes Heavy-Hex (Gewichte in [-1, 1])</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A device subgraph plus the distance-two edges that mid-layer swaps make free (Phasecraft paper, appendix B)</source>
        <translation>Ein Teilgraph des Geräts plus die Kanten im Abstand zwei, die Swaps zwischen den Schichten kostenlos machen (Phasecraft-Artikel, Anhang B)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unit (1)</source>
        <translation>Eins (1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>±1 with probability 1/2</source>
        <translation>±1 mit Wahrscheinlichkeit 1/2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uniform in [0, 1)</source>
        <translation>Gleichverteilt in [0, 1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max-Cut</source>
        <translation>Max-Cut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum independent set</source>
        <translation>Maximale unabhängige Menge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QUBO (edge weights as couplings)</source>
        <translation>QUBO (Kantengewichte als Kopplungen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A bundled device or a generated topology such as heavy-hex:heron-r1</source>
        <translation>Ein mitgeliefertes Gerät oder eine erzeugte Topologie wie heavy-hex:heron-r1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper: 24 vertices, 40 edges</source>
        <translation>Artikel: 24 Knoten, 40 Kanten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper: 41 vertices, 68 edges</source>
        <translation>Artikel: 41 Knoten, 68 Kanten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom (grown from a qubit)</source>
        <translation>Eigene (von einem Qubit aus gewachsen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The paper&apos;s presets use weight sets 1 to 10: set the seed to the instance number</source>
        <translation>Die Vorgaben des Artikels verwenden die Gewichtssätze 1 bis 10: den Seed auf die Instanznummer setzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>as many as possible</source>
        <translation>so viele wie möglich</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Family:</source>
        <translation>Familie:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertices n:</source>
        <translation>Knoten n:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edge probability p:</source>
        <translation>Kantenwahrscheinlichkeit p:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree d:</source>
        <translation>Grad d:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heavy-hex preset:</source>
        <translation>Heavy-Hex-Vorgabe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start qubit:</source>
        <translation>Start-Qubit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edges:</source>
        <translation>Kanten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights:</source>
        <translation>Gewichte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
</context>
<context>
    <name>workbench::GraphTableModel</name>
    <message>
        <location filename="../widgets/graph/graph_table_model.cpp" line="+60"/>
        <source>u</source>
        <translation>u</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>v</source>
        <translation>v</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight</source>
        <translation>Gewicht</translation>
    </message>
</context>
<context>
    <name>workbench::HelpBrowser</name>
    <message>
        <location filename="../widgets/help/help_browser.cpp" line="+104"/>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
</context>
<context>
    <name>workbench::JobMonitor</name>
    <message>
        <location filename="../widgets/jobs/job_monitor.cpp" line="+152"/>
        <source>Watching job %1 failed: %2</source>
        <translation>Überwachung von Job %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Resuming unfinished jobs failed: %1</source>
        <translation>Fortsetzen unfertiger Jobs fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>job %1: %2 → %3 (%4)</source>
        <translation>Job %1: %2 → %3 (%4)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No unfinished jobs to resume.</source>
        <translation>Keine unfertigen Jobs fortzusetzen.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Resumed %n unfinished job(s): %1</source>
        <translation>
            <numerusform>%n unfertigen Job fortgesetzt: %1</numerusform>
            <numerusform>%n unfertige Jobs fortgesetzt: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>workbench::JobTableModel</name>
    <message>
        <location filename="../widgets/models/job_table_model.cpp" line="+53"/>
        <source>Cannot open the job store: %1</source>
        <translation>Der Job-Speicher kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+97"/>
        <source> (code %1)</source>
        <translation> (Code %1)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+83"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>~%1 s</source>
        <translation>~%1 s</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote id</source>
        <translation>Entfernte Id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QPU usage</source>
        <translation>QPU-Nutzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitting</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>workbench::JobsPanel</name>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="+43"/>
        <location line="+8"/>
        <location line="+6"/>
        <location line="+327"/>
        <location line="+317"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="-649"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Local backends need no account; IBM backends use the chosen account</source>
        <translation>Lokale Backends brauchen kein Konto; IBM-Backends nutzen das gewählte Konto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Account…</source>
        <translation>Konto hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+106"/>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Refresh Backends</source>
        <translation>Backends aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Job…</source>
        <translation>Neuer Job…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+63"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qubits</source>
        <translation>Qubits</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median 2q error</source>
        <translation>Median 2q-Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median readout error</source>
        <translation>Median Auslesefehler</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancel Job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-analyse</source>
        <translation>Neu analysieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analyse the stored results again, offline</source>
        <translation>Die gespeicherten Ergebnisse erneut auswerten, offline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in Warm Start</source>
        <translation>Im Warmstart öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the job&apos;s samples as the warm-start pool of its instance</source>
        <translation>Die Stichproben des Jobs als Warmstart-Pool seiner Instanz verwenden</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Job:</source>
        <translation>Job:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QPU usage:</source>
        <translation>QPU-Nutzung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circuit:</source>
        <translation>Schaltkreis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid rate:</source>
        <translation>Gültigkeitsrate:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best valid cost:</source>
        <translation>Beste gültige Kosten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best energy:</source>
        <translation>Beste Energie:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approximation ratio:</source>
        <translation>Approximationsverhältnis:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Remove the account %1 and its key from the keychain?</source>
        <translation>Das Konto %1 und seinen Schlüssel aus dem Schlüsselbund entfernen?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removed the account %1.</source>
        <translation>Konto %1 entfernt.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Local backends only</source>
        <translation>Nur lokale Backends</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key %1, instance %2</source>
        <translation>Schlüssel %1, Instanz %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>local only</source>
        <translation>nur lokal</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot use the account %1: %2</source>
        <translation>Das Konto %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account unavailable</source>
        <translation>Konto nicht verfügbar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>key %1, %2</source>
        <translation>Schlüssel %1, %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading the backends …</source>
        <translation>Lese die Backends …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot list the backends: %1</source>
        <translation>Die Backends können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Preparing the job for %1 …</source>
        <translation>Bereite den Job für %1 vor …</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The job was not submitted: %1</source>
        <translation>Der Job wurde nicht gesendet: %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Submitting the job to %1 …</source>
        <translation>Sende den Job an %1 …</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Job %1 on %2: %3</source>
        <translation>Job %1 auf %2: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+19"/>
        <source>Job %1: %2</source>
        <translation>Job %1: %2</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Cancelling job %1 …</source>
        <translation>Breche Job %1 ab …</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot cancel job %1: %2</source>
        <translation>Job %1 kann nicht abgebrochen werden: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete Job</source>
        <translation>Job löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete job %1 and its stored results from the job store?</source>
        <translation>Job %1 und seine gespeicherten Ergebnisse aus dem Job-Speicher löschen?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deleted job %1.</source>
        <translation>Job %1 gelöscht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot delete job %1: %2</source>
        <translation>Job %1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Analysing job %1 …</source>
        <translation>Analysiere Job %1 …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Analysed job %1 again.</source>
        <translation>Job %1 erneut analysiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot analyse job %1: %2</source>
        <translation>Job %1 kann nicht analysiert werden: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Job %1&apos;s samples are in the warm-start panel.</source>
        <translation>Die Stichproben von Job %1 sind im Warmstart-Bereich.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot open job %1 in the warm-start panel: %2</source>
        <translation>Job %1 kann nicht im Warmstart-Bereich geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>#%1 on %2%3</source>
        <translation>#%1 auf %2%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (remote id %1)</source>
        <translation> (entfernte Id %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> (code %1)</source>
        <translation> (Code %1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 s (%2), estimate %3 s</source>
        <translation>%1 s (%2), Schätzung %3 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>final</source>
        <translation>endgültig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>provisional</source>
        <translation>vorläufig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none recorded, estimate %1 s</source>
        <translation>keine erfasst, Schätzung %1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p = %1, %2 shots, %3 two-qubit gates, depth %4, %5 SWAPs, fidelity ≈ %6</source>
        <translation>p = %1, %2 Shots, %3 Zwei-Qubit-Gatter, Tiefe %4, %5 SWAPs, Fidelität ≈ %6</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (uniform random %2)</source>
        <translation>%1 (gleichverteilt zufällig %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>$%1</source>
        <translation>%1 $</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not analysed yet: Re-analyse</source>
        <translation>noch nicht analysiert: Neu analysieren</translation>
    </message>
</context>
<context>
    <name>workbench::LcrpBatchPanel</name>
    <message>
        <location filename="../widgets/panels/lcrp_batch_panel.cpp" line="+73"/>
        <source>Generated batch</source>
        <translation>Erzeugter Stapel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project instance</source>
        <translation>Projektinstanz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run on a generated production batch or on the project&apos;s LCRP instance</source>
        <translation>Auf einem erzeugten Produktionsstapel oder auf der LCRP-Instanz des Projekts rechnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tasks of the generated batch</source>
        <translation>Aufgaben des erzeugten Stapels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model tiers of the generated batch (the first M of the paper&apos;s five)</source>
        <translation>Modellstufen des erzeugten Stapels (die ersten M der fünf aus dem Artikel)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seed of the generator, the partition and the QAOA samples</source>
        <translation>Seed des Generators, der Aufteilung und der QAOA-Stichproben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Budget of the generated batch</source>
        <translation>Budget des erzeugten Stapels</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Qubits of one group&apos;s QUBO (tasks x models)</source>
        <translation>Qubits des QUBO einer Gruppe (Aufgaben x Modelle)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QAOA depth p (predicted angles)</source>
        <translation>QAOA-Tiefe p (vorhergesagte Winkel)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Samples per group</source>
        <translation>Stichproben pro Gruppe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assignments per group handed to the recombination</source>
        <translation>Zuordnungen pro Gruppe, die an die Rekombination gehen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rounds that move unused budget to groups missing their quality floor</source>
        <translation>Runden, die ungenutztes Budget an Gruppen verschieben, die ihre Qualitätsschwelle verfehlen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare with the exact optimum (CBC)</source>
        <translation>Mit dem exakten Optimum vergleichen (CBC)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Instance:</source>
        <translation>Instanz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks:</source>
        <translation>Aufgaben:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget:</source>
        <translation>Budget:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qubits per group:</source>
        <translation>Qubits pro Gruppe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depth p:</source>
        <translation>Tiefe p:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shots per group:</source>
        <translation>Shots pro Gruppe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidates per group:</source>
        <translation>Kandidaten pro Gruppe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rebalancing rounds:</source>
        <translation>Ausgleichsrunden:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backend of the group jobs: a local emulator (local:fez, ...) or an IBM backend of the account selected in the Jobs panel (ibm_fez, ...)</source>
        <translation>Backend der Gruppenjobs: ein lokaler Emulator (local:fez, ...) oder ein IBM-Backend des im Jobs-Bereich gewählten Kontos (ibm_fez, ...)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job backend:</source>
        <translation>Job-Backend:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Submit groups as jobs</source>
        <translation>Gruppen als Jobs senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One sampling job per group on the job backend, followed in the Jobs panel</source>
        <translation>Ein Sampling-Job pro Gruppe auf dem Job-Backend, verfolgt im Jobs-Bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish from jobs</source>
        <translation>Aus Jobs abschließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the submitted groups&apos; finished jobs from the job store and complete the batch</source>
        <translation>Die fertigen Jobs der gesendeten Gruppen aus dem Job-Speicher lesen und den Stapel abschließen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Split a large LCRP batch into groups that fit the qubit limit, sample each group with QAOA, recombine under the budget and compare with the exact optimum.</source>
        <translation>Einen großen LCRP-Stapel in Gruppen aufteilen, die in die Qubit-Grenze passen, jede Gruppe mit QAOA abtasten, unter dem Budget rekombinieren und mit dem exakten Optimum vergleichen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gap to exact</source>
        <translation>Abstand zum exakten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality met</source>
        <translation>Qualität erfüllt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Budget use</source>
        <translation>Budgetnutzung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Within budget</source>
        <translation>Im Budget</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qubits</source>
        <translation>Qubits</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Budget (USD)</source>
        <translation>Budget (USD)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chosen cost (USD)</source>
        <translation>Gewählte Kosten (USD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid rate</source>
        <translation>Gültigkeitsrate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Random valid rate</source>
        <translation>Zufällige Gültigkeitsrate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Distinct assignments</source>
        <translation>Verschiedene Zuordnungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Solves</source>
        <translation>Lösungsläufe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Running: groups of at most %1 qubits…</source>
        <translation>Läuft: Gruppen mit höchstens %1 Qubits…</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 group jobs submitted to %2: follow them in the Jobs panel, then press Finish from jobs once all have completed.</source>
        <translation>%1 Gruppenjobs an %2 gesendet: im Jobs-Bereich verfolgen und „Aus Jobs abschließen“ drücken, sobald alle fertig sind.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Finishing the batch from %1 group jobs…</source>
        <translation>Der Stapel wird aus %1 Gruppenjobs abgeschlossen…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Batch (QAOA groups + refinement)</source>
        <translation>Stapel (QAOA-Gruppen + Verfeinerung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recombined (before refinement)</source>
        <translation>Rekombiniert (vor der Verfeinerung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Greedy (paper)</source>
        <translation>Greedy (Artikel)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Greedy (budget-aware)</source>
        <translation>Greedy (budgetbewusst)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact (CBC)</source>
        <translation>Exakt (CBC)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 tasks x %2 models, budget %3 USD: %4 groups of at most %5 qubits, %6 rebalancing round(s).</source>
        <translation>%1 Aufgaben x %2 Modelle, Budget %3 USD: %4 Gruppen mit höchstens %5 Qubits, %6 Ausgleichsrunde(n).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled: the figures shown are the best so far.</source>
        <translation>Abgebrochen: die gezeigten Zahlen sind die bisher besten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gap to the exact optimum: %1 %.</source>
        <translation>Abstand zum exakten Optimum: %1 %.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds: QAOA %1, recombination %2, refinement %3, exact %4.</source>
        <translation>Sekunden: QAOA %1, Rekombination %2, Verfeinerung %3, exakt %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LCRP batch: objective %1, gap %2 % to exact</source>
        <translation>LCRP-Stapel: Zielfunktion %1, Abstand %2 % zum exakten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LCRP batch finished</source>
        <translation>LCRP-Stapel beendet</translation>
    </message>
</context>
<context>
    <name>workbench::LiveQFactorPlot</name>
    <message>
        <location filename="../widgets/plots/warmstart_plots.cpp" line="+147"/>
        <source>finished runs (random + warm)</source>
        <translation>abgeschlossene Läufe (zufällig + warm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q-factor R_min(random) / R_min(warm)</source>
        <translation>Q-Faktor R_min(zufällig) / R_min(warm)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>bootstrap interval</source>
        <translation>Bootstrap-Intervall</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Q so far</source>
        <translation>Q bisher</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>Live Q-factor</source>
        <translation>Live-Q-Faktor</translation>
    </message>
</context>
<context>
    <name>workbench::MainWindow</name>
    <message>
        <location filename="../widgets/main_window.cpp" line="+122"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model tiers</source>
        <translation>Modellstufen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../widgets/main_window_docks.cpp" line="+93"/>
        <source>Penalties</source>
        <translation>Strafgewichte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>QUBO coefficients</source>
        <translation>QUBO-Koeffizienten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Solve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>QAOA</source>
        <translation>QAOA</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Transpile</source>
        <translation>Transpilieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Warm start</source>
        <translation>Warmstart</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Graph editor</source>
        <translation>Grapheditor</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>LCRP batch</source>
        <translation>LCRP-Stapel</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../widgets/main_window_actions.cpp" line="+49"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Example</source>
        <translation>Beis&amp;piel öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Figure...</source>
        <translation>Abbildung &amp;exportieren...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click a plot or viewer first: Export Figure saves the one with the focus.</source>
        <translation>Klicken Sie zuerst auf ein Diagramm oder eine Ansicht: „Abbildung exportieren“ speichert das Element mit dem Fokus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add &amp;Task</source>
        <translation>&amp;Aufgabe hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove Task</source>
        <translation>Aufgabe entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add &amp;Model</source>
        <translation>&amp;Modell hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove Model</source>
        <translation>Modell entfernen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Transpile QAOA Circuit</source>
        <translation>QAOA-Schaltung &amp;transpilieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Map the QAOA circuit of the instance onto the device chosen in the Transpile panel</source>
        <translation>Die QAOA-Schaltung der Instanz auf das im Transpilieren-Bereich gewählte Gerät abbilden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save Transpiled Circuit as &amp;OpenQASM 3…</source>
        <translation>Transpilierte Schaltung als &amp;OpenQASM 3 speichern…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About QAOA Workbench</source>
        <translation>Ü&amp;ber QAOA Workbench</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default backend, threads, precision, figure style, colours and language</source>
        <translation>Standard-Backend, Threads, Genauigkeit, Abbildungsstil, Farben und Sprache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QAOA Workbench &amp;Help</source>
        <translation>QAOA Workbench-&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explain the panel that has the focus</source>
        <translation>Das Panel mit dem Fokus erklären</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put every panel back where it was at the first start</source>
        <translation>Alle Panels wieder dorthin setzen, wo sie beim ersten Start waren</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Run &amp;Solver</source>
        <translation>&amp;Solver ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Solve the instance with the solver chosen in the Solve panel</source>
        <translation>Die Instanz mit dem im Panel „Lösen“ gewählten Solver lösen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run &amp;QAOA</source>
        <translation>&amp;QAOA ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulate QAOA with the options of the QAOA panel</source>
        <translation>QAOA mit den Optionen des QAOA-Panels simulieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run &amp;Warm Start</source>
        <translation>&amp;Warmstart ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the warm-start pipeline with the options of the Warm start panel</source>
        <translation>Die Warmstart-Pipeline mit den Optionen des Warmstart-Panels ausführen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Submit &amp;Job…</source>
        <translation>&amp;Job senden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a QAOA circuit to a local emulator or to IBM Quantum</source>
        <translation>Einen QAOA-Schaltkreis an einen lokalen Emulator oder an IBM Quantum senden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Cancel Running Work</source>
        <translation>Laufende Arbeit &amp;abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel the run of the panel you are in, or every local run when that panel runs nothing</source>
        <translation>Den Lauf des aktuellen Panels abbrechen, oder alle lokalen Läufe, wenn dieses Panel nichts ausführt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Circuit</source>
        <translation>&amp;Schaltung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show or hide the %1 panel</source>
        <translation>Panel %1 ein- oder ausblenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+13"/>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="+62"/>
        <source>%1[*] — QAOA Workbench</source>
        <translation>%1[*] — QAOA Workbench</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>An autosave of an unsaved project from an earlier session exists. Recover it?</source>
        <translation>Es gibt eine automatische Sicherung eines ungespeicherten Projekts aus einer früheren Sitzung. Wiederherstellen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An autosave of %1 is newer than the file. Recover it?</source>
        <translation>Eine automatische Sicherung von %1 ist neuer als die Datei. Wiederherstellen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recover Project</source>
        <translation>Projekt wiederherstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recovered</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovered from %1</source>
        <translation>Aus %1 wiederhergestellt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovery failed</source>
        <translation>Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+9"/>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The file does not exist.</source>
        <translation>Die Datei existiert nicht.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open the example</source>
        <translation>Das Beispiel kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot save %1</source>
        <translation>%1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Autosave failed: %1</source>
        <translation>Automatische Sicherung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QAOA Workbench projects (*.qwproj)</source>
        <translation>QAOA-Workbench-Projekte (*.qwproj)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QAOA Workbench projects (*.qwproj);;Reproducible bundles (*.qwbundle);;All files (*)</source>
        <translation>QAOA Workbench-Projekte (*.qwproj);;Reproduzierbare Bundles (*.qwbundle);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>About QAOA Workbench</source>
        <translation>Über QAOA Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;QAOA Workbench %1&lt;/h3&gt;&lt;p&gt;Edit LLM cascade routing problems, inspect their QUBO and compare classical solvers.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QAOA Workbench %1&lt;/h3&gt;&lt;p&gt;LLM-Kaskaden-Routing-Probleme bearbeiten, ihr QUBO ansehen und klassische Löser vergleichen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>workbench::ModelTableModel</name>
    <message>
        <location filename="../widgets/models/model_table_model.cpp" line="-154"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price per 1K tokens</source>
        <translation>Preis pro 1000 Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context window</source>
        <translation>Kontextfenster</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unique model name</source>
        <translation>Eindeutiger Modellname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price p_j in USD per 1000 tokens</source>
        <translation>Preis p_j in USD pro 1000 Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality score q_j from 0 to 1</source>
        <translation>Qualitätswert q_j von 0 bis 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average latency in ms</source>
        <translation>Mittlere Latenz in ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context window in tokens; a task with more tokens does not fit</source>
        <translation>Kontextfenster in Token; eine Aufgabe mit mehr Token passt nicht hinein</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>$%1</source>
        <translation>%1 $</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+47"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A model needs a non-empty name.</source>
        <translation>Ein Modell braucht einen nicht leeren Namen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The model name &quot;%1&quot; is already used.</source>
        <translation>Der Modellname „%1“ ist schon vergeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The price must be a number of USD from 0 to %1.</source>
        <translation>Der Preis muss eine Zahl in USD von 0 bis %1 sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The quality must lie between 0 and 1.</source>
        <translation>Die Qualität muss zwischen 0 und 1 liegen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The latency must be a number of milliseconds, 0 or more.</source>
        <translation>Die Latenz muss eine Zahl von Millisekunden sein, 0 oder mehr.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The context window must be a number of tokens greater than 0.</source>
        <translation>Das Kontextfenster muss eine Tokenzahl größer als 0 sein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>workbench::OutcomeHistogramPlot</name>
    <message>
        <location filename="../widgets/bundle/outcome_histogram_plot.cpp" line="+25"/>
        <source>rank (hover for the bitstring)</source>
        <translation>Rang (Bitstring beim Überfahren mit der Maus)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>#%1: %2 (variable 0 first)</source>
        <translation>#%1: %2 (Variable 0 zuerst)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>probability %1 %</source>
        <translation>Wahrscheinlichkeit %1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QUBO energy %1</source>
        <translation>QUBO-Energie %1</translation>
    </message>
</context>
<context>
    <name>workbench::P1LandscapePlot</name>
    <message>
        <location filename="../widgets/plots/p1_landscape_plot.cpp" line="+29"/>
        <source>γ (rad)</source>
        <translation>γ (rad)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>β (rad)</source>
        <translation>β (rad)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>⟨H⟩ at p = 1</source>
        <translation>⟨H⟩ bei p = 1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>grid minimum</source>
        <translation>Gitterminimum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>run&apos;s angles</source>
        <translation>Winkel des Laufs</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>p = 1 landscape</source>
        <translation>p = 1-Landschaft</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>γ = %1, β = %2: ⟨H⟩ = %3</source>
        <translation>γ = %1, β = %2: ⟨H⟩ = %3</translation>
    </message>
</context>
<context>
    <name>workbench::PenaltyPanel</name>
    <message>
        <location filename="../widgets/panels/penalty_panel.cpp" line="-58"/>
        <source>Weight of the one-hot penalty (1 - sum_j x_ij)^2: every task takes exactly one model</source>
        <translation>Gewicht der One-Hot-Strafe (1 - sum_j x_ij)^2: jede Aufgabe bekommt genau ein Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of the quality penalty P_ij = 10 when q_j &lt; q_min(i)</source>
        <translation>Gewicht der Qualitätsstrafe P_ij = 10, wenn q_j &lt; q_min(i)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of the budget penalty max(0, cost - B)^2 / B^2</source>
        <translation>Gewicht der Budgetstrafe max(0, Kosten - B)^2 / B^2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight of the latency penalty L_ij = 5 when the model is slower than the SLA</source>
        <translation>Gewicht der Latenzstrafe L_ij = 5, wenn das Modell langsamer als die SLA ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight of the context penalty K_ij = 10 when the task does not fit the context window</source>
        <translation>Gewicht der Kontextstrafe K_ij = 10, wenn die Aufgabe nicht ins Kontextfenster passt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Budget B in USD for the whole batch</source>
        <translation>Budget B in USD für den ganzen Stapel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Binary slack variables that put the budget into the QUBO; 0 leaves it out</source>
        <translation>Binäre Schlupfvariablen, die das Budget ins QUBO bringen; 0 lässt es weg</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exact (with context and budget)</source>
        <translation>Exakt (mit Kontext und Budget)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference v2 (as the paper&apos;s code)</source>
        <translation>Referenz v2 (wie der Code des Artikels)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which objective the QUBO, the solvers and the evaluation use</source>
        <translation>Welche Zielfunktion QUBO, Löser und Auswertung verwenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One-hot λ_A:</source>
        <translation>One-Hot λ_A:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality λ_Q:</source>
        <translation>Qualität λ_Q:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget λ_B:</source>
        <translation>Budget λ_B:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency λ_L:</source>
        <translation>Latenz λ_L:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context λ_C:</source>
        <translation>Kontext λ_C:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget B:</source>
        <translation>Budget B:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slack bits K:</source>
        <translation>Schlupfbits K:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective:</source>
        <translation>Zielfunktion:</translation>
    </message>
</context>
<context>
    <name>workbench::PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferences/preferences_dialog.cpp" line="+31"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backend new jobs and warm-start runs use unless you choose another one: local:ideal samples the exact state, a device backend emulates that device&apos;s noise</source>
        <translation>Das Backend, das neue Jobs und Warmstart-Läufe verwenden, sofern Sie kein anderes wählen: local:ideal tastet den exakten Zustand ab, ein Geräte-Backend emuliert das Rauschen dieses Geräts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All cores (%1)</source>
        <translation>Alle Kerne (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads of the QAOA simulator and the noisy emulator; 0 uses every core. Fewer threads keep the desktop responsive during long runs</source>
        <translation>Threads des QAOA-Simulators und des verrauschten Emulators; 0 verwendet alle Kerne. Weniger Threads halten den Desktop bei langen Läufen reaktionsfähig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Double (16 bytes per amplitude)</source>
        <translation>Doppelt (16 Byte pro Amplitude)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Single (8 bytes per amplitude)</source>
        <translation>Einfach (8 Byte pro Amplitude)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amplitude precision of the QAOA statevector: single precision halves the memory and is faster, with energies accurate to about 1e-6 relative</source>
        <translation>Amplitudengenauigkeit des QAOA-Zustandsvektors: Einfache Genauigkeit halbiert den Speicherbedarf und ist schneller, mit Energien auf etwa 1e-6 relativ genau</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Light (screen)</source>
        <translation>Hell (Bildschirm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print (thin lines, white background)</source>
        <translation>Druck (dünne Linien, weißer Hintergrund)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The style exported figures use unless the export dialog chooses another one</source>
        <translation>Der Stil, den exportierte Abbildungen verwenden, sofern der Exportdialog keinen anderen wählt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The colours of the windows; applies at once</source>
        <translation>Die Farben der Fenster; wird sofort angewendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language of the user interface; the --lang option overrides it. Applies after a restart</source>
        <translation>Die Sprache der Benutzeroberfläche; die Option --lang hat Vorrang. Wird nach einem Neustart angewendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new language applies after you restart QAOA Workbench.</source>
        <translation>Die neue Sprache wird nach einem Neustart von QAOA Workbench angewendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Default &amp;backend:</source>
        <translation>Standard-&amp;Backend:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statevector &amp;precision:</source>
        <translation>Zustandsvektor-&amp;Genauigkeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Figure style:</source>
        <translation>&amp;Abbildungsstil:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set every field to its default value</source>
        <translation>Alle Felder auf ihren Standardwert setzen</translation>
    </message>
</context>
<context>
    <name>workbench::ProjectDocument</name>
    <message>
        <location filename="../widgets/document/project_document.cpp" line="+39"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>workbench::QFactorSweepPlot</name>
    <message>
        <location filename="../widgets/plots/warmstart_plots.cpp" line="+23"/>
        <source>QAOA depth p</source>
        <translation>QAOA-Tiefe p</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vertices N</source>
        <translation>Knoten N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>median Q-factor (min–max over graphs)</source>
        <translation>Median des Q-Faktors (Min–Max über die Graphen)</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>N = %1</source>
        <translation>N = %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p = %1</source>
        <translation>p = %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Q-factor against depth</source>
        <translation>Q-Faktor über der Tiefe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Q-factor against size</source>
        <translation>Q-Faktor über der Größe</translation>
    </message>
</context>
<context>
    <name>workbench::QaoaConvergencePlot</name>
    <message>
        <location filename="../widgets/plots/qaoa_trace_plots.cpp" line="+63"/>
        <source>evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>energy ⟨H⟩</source>
        <translation>Energie ⟨H⟩</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this evaluation</source>
        <translation>diese Auswertung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>best so far</source>
        <translation>bisher beste</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>QAOA convergence</source>
        <translation>QAOA-Konvergenz</translation>
    </message>
</context>
<context>
    <name>workbench::QaoaPanel</name>
    <message>
        <location filename="../widgets/panels/qaoa_panel.cpp" line="+41"/>
        <source>X (transverse field)</source>
        <translation>X (Querfeld)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XY parity ring</source>
        <translation>XY-Paritätsring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XY ring (exact)</source>
        <translation>XY-Ring (exakt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XY complete</source>
        <translation>XY vollständig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm start (greedy)</source>
        <translation>Warmstart (Greedy)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Optimise</source>
        <translation>Optimieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted (tree rule)</source>
        <translation>Vorhergesagt (Baumregel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear ramp</source>
        <translation>Lineare Rampe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed</source>
        <translation>Fest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted (GNN, p = 2..6)</source>
        <translation>Vorhergesagt (GNN, p = 2..6)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>COBYLA</source>
        <translation>COBYLA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BOBYQA</source>
        <translation>BOBYQA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L-BFGS (adjoint gradient)</source>
        <translation>L-BFGS (adjungierter Gradient)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Number of QAOA layers p</source>
        <translation>Anzahl der QAOA-Schichten p</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>XY mixers keep every task one-hot; the warm start begins near the greedy assignment</source>
        <translation>XY-Mixer halten jede Aufgabe one-hot; der Warmstart beginnt nahe der Greedy-Zuordnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from the greedy assignment</source>
        <translation>Mit der Greedy-Zuordnung beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XY mixers: start in the greedy assignment&apos;s basis state instead of W states</source>
        <translation>XY-Mixer: im Basiszustand der Greedy-Zuordnung statt in W-Zuständen beginnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optimise the angles, or use angles from a rule without a variational loop</source>
        <translation>Die Winkel optimieren oder Winkel aus einer Regel ohne Variationsschleife verwenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Independent optimiser runs from random angles</source>
        <translation>Unabhängige Optimiererläufe ab zufälligen Winkeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective evaluations per restart</source>
        <translation>Zielfunktionsauswertungen pro Neustart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples drawn from the final state (0: exact figures only)</source>
        <translation>Stichproben aus dem Endzustand (0: nur exakte Kennzahlen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seeds the random starts and the samples</source>
        <translation>Startwert für die zufälligen Starts und die Stichproben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Track the valid rate</source>
        <translation>Gültigkeitsrate verfolgen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute the exact valid rate of every evaluated state (one more simulation each)</source>
        <translation>Die exakte Gültigkeitsrate jedes ausgewerteten Zustands berechnen (je eine Simulation mehr)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run QAOA</source>
        <translation>QAOA starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%v / %m evaluations</source>
        <translation>%v / %m Auswertungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layers p:</source>
        <translation>Schichten p:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixer:</source>
        <translation>Mixer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+36"/>
        <source>Angles:</source>
        <translation>Winkel:</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Optimiser:</source>
        <translation>Optimierer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restarts:</source>
        <translation>Neustarts:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iterations:</source>
        <translation>Iterationen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shots:</source>
        <translation>Messungen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Register:</source>
        <translation>Register:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expectation:</source>
        <translation>Erwartungswert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid rate:</source>
        <translation>Gültigkeitsrate:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feasible rate:</source>
        <translation>Zulässigkeitsrate:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best valid sample:</source>
        <translation>Beste gültige Stichprobe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoded best:</source>
        <translation>Beste decodierte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AR*:</source>
        <translation>AR*:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Convergence</source>
        <translation>Konvergenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid rate</source>
        <translation>Gültigkeitsrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p = 1 landscape (× run, ○ minimum)</source>
        <translation>p = 1-Landschaft (× Lauf, ○ Minimum)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most probable states</source>
        <translation>Wahrscheinlichste Zustände</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+165"/>
        <source>Press Run QAOA to simulate the instance.</source>
        <translation>„QAOA starten“ drücken, um die Instanz zu simulieren.</translation>
    </message>
    <message numerus="yes">
        <location line="-91"/>
        <source>Running QAOA on %n qubit(s) …</source>
        <translation>
            <numerusform>QAOA läuft auf %n Qubit …</numerusform>
            <numerusform>QAOA läuft auf %n Qubits …</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Cancelled before the run started.</source>
        <translation>Vor dem Start des Laufs abgebrochen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>QAOA: ⟨H⟩ = %1, valid rate %2 in %3 s</source>
        <translation>QAOA: ⟨H⟩ = %1, Gültigkeitsrate %2 in %3 s</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The instance was edited after this run; the figures are for the instance as run.</source>
        <translation>Die Instanz wurde nach diesem Lauf bearbeitet; die Kennzahlen gelten für die Instanz des Laufs.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 qubits (%2 assignment, %3 budget slack)</source>
        <translation>%1 Qubits (%2 Zuordnung, %3 Budget-Schlupf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too many to simulate here (at most %1)</source>
        <translation>zu viele für die Simulation hier (höchstens %1)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>– (uniform random: %1)</source>
        <translation>– (gleichverteilt zufällig: %1)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cancelled (best angles so far)</source>
        <translation>abgebrochen (bisher beste Winkel)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⟨H⟩ = %1 (optimum %2, worst %3)</source>
        <translation>⟨H⟩ = %1 (Optimum %2, schlechtester %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sampled %1, exact %2 · uniform random %3</source>
        <translation>gemessen %1, exakt %2 · gleichverteilt zufällig %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sampled %1, exact %2</source>
        <translation>gemessen %1, exakt %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exact %1 · uniform random %2</source>
        <translation>exakt %1 · gleichverteilt zufällig %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>exact %1</source>
        <translation>exakt %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>$%1, objective %2, %3
%4</source>
        <translation>$%1, Zielwert %2, %3
%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>feasible</source>
        <translation>zulässig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>infeasible</source>
        <translation>unzulässig</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>– (no shots)</source>
        <translation>– (keine Messungen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no valid sample among the shots</source>
        <translation>keine gültige Stichprobe unter den Messungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>decoded feasible rate %1</source>
        <translation>decodierte Zulässigkeitsrate %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, sampled %1</source>
        <translation>, gemessen %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 s, %n evaluation(s)</source>
        <translation>
            <numerusform>%1 s, %n Auswertung</numerusform>
            <numerusform>%1 s, %n Auswertungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>γ = (%1)
β = (%2)</source>
        <translation>γ = (%1)
β = (%2)</translation>
    </message>
</context>
<context>
    <name>workbench::QuboHeatmapPlot</name>
    <message>
        <location filename="../widgets/plots/qubo_heatmap_plot.cpp" line="+34"/>
        <source>variable j</source>
        <translation>Variable j</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>variable i</source>
        <translation>Variable i</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>coefficient Q_ij</source>
        <translation>Koeffizient Q_ij</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Point at a cell to read its coefficient.</source>
        <translation>Zeigen Sie auf eine Zelle, um ihren Koeffizienten zu lesen.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 variables: too many to draw (at most %2).</source>
        <translation>%1 Variablen: zu viele zum Zeichnen (höchstens %2).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot encode the instance: %1</source>
        <translation>Die Instanz lässt sich nicht kodieren: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>slack</source>
        <translation>Schlupf</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 variables (%2 assignment, %3 budget slack), %4 couplings, largest |Q_ij| %5</source>
        <translation>%1 Variablen (%2 Zuordnung, %3 Budgetschlupf), %4 Kopplungen, größtes |Q_ij| %5</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>QUBO matrix</source>
        <translation>QUBO-Matrix</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Q[%1, %2] = %3</source>
        <translation>Q[%1, %2] = %3</translation>
    </message>
</context>
<context>
    <name>workbench::QuboMatrixView</name>
    <message>
        <location filename="../widgets/graph/qubo_matrix_view.cpp" line="+44"/>
        <source>Point at a cell to read its coefficient.</source>
        <translation>Zeigen Sie auf eine Zelle, um ihren Koeffizienten zu lesen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot encode the graph: %1</source>
        <translation>Der Graph kann nicht kodiert werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 variables, %2 couplings, largest |Q_ij| %3, offset %4</source>
        <translation>%1 Variablen, %2 Kopplungen, größtes |Q_ij| %3, Offset %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Too many variables to draw (at most %1).</source>
        <translation>Zu viele Variablen zum Zeichnen (höchstens %1).</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Q[%1, %2] = %3</source>
        <translation>Q[%1, %2] = %3</translation>
    </message>
</context>
<context>
    <name>workbench::RoutingView</name>
    <message>
        <location filename="../widgets/routing/routing_view.cpp" line="+131"/>
        <location line="+272"/>
        <source>Play the routing step by step</source>
        <translation>Das Routing Schritt für Schritt abspielen</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>Previous time step</source>
        <translation>Vorheriger Zeitschritt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next time step</source>
        <translation>Nächster Zeitschritt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time step of the routing (0: the initial layout)</source>
        <translation>Zeitschritt des Routings (0: die Anfangsbelegung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the picture as PNG, SVG or PDF, or the swap layers as CSV</source>
        <translation>Das Bild als PNG, SVG oder PDF speichern, oder die SWAP-Schichten als CSV</translation>
    </message>
    <message>
        <location line="+256"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+165"/>
        <source>No device</source>
        <translation>Kein Gerät</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>No routing</source>
        <translation>Kein Routing</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Initial layout · %n time step(s) in all</source>
        <translation>
            <numerusform>Anfangsbelegung · %n Zeitschritt insgesamt</numerusform>
            <numerusform>Anfangsbelegung · %n Zeitschritte insgesamt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Time step %1 of %2 · layer %3, step %4 · %5 swaps, %6 terms</source>
        <translation>Zeitschritt %1 von %2 · Schicht %3, Schritt %4 · %5 Swaps, %6 Terme</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Physical qubit %1</source>
        <translation>Physisches Qubit %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Holds logical qubit %1</source>
        <translation>Trägt logisches Qubit %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Readout error %1</source>
        <translation>Auslesefehler %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T1 %1 µs</source>
        <translation>T1 %1 µs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T2 %1 µs</source>
        <translation>T2 %1 µs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Marked faulty</source>
        <translation>Als fehlerhaft markiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <source>No calibration data</source>
        <translation>Keine Kalibrierdaten</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Coupler %1–%2</source>
        <translation>Koppler %1–%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unusable (error 1)</source>
        <translation>Unbrauchbar (Fehler 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 error %2</source>
        <translation>%1-Fehler %2</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>calibration of %1</source>
        <translation>Kalibrierung vom %1</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>no calibration</source>
        <translation>keine Kalibrierung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error: qubits by readout, couplers by the two-qubit gate; blue: terms, orange: swaps of the step</source>
        <translation>Fehler: Qubits nach Auslesung, Koppler nach dem Zwei-Qubit-Gatter; blau: Terme, orange: Swaps des Schritts</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+12"/>
        <location line="+25"/>
        <source>Routing on %1</source>
        <translation>Routing auf %1</translation>
    </message>
</context>
<context>
    <name>workbench::RuntimeComparisonPlot</name>
    <message>
        <location filename="../widgets/plots/runtime_comparison_plot.cpp" line="+49"/>
        <source>expected time to the optimum R_min (s)</source>
        <translation>erwartete Zeit bis zum Optimum R_min (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>success probability per run</source>
        <translation>Erfolgswahrscheinlichkeit pro Lauf</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>R_min (s)</source>
        <translation>R_min (s)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>T* (s)</source>
        <translation>T* (s)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Successes</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P(success)</source>
        <translation>P(Erfolg)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median (s)</source>
        <translation>Median (s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected seconds to the optimum with restarts at the best per-run time T*; censored (no success): the total time of all runs</source>
        <translation>Erwartete Sekunden bis zum Optimum mit Neustarts bei der besten Laufzeit T* pro Lauf; zensiert (kein Erfolg): die Gesamtzeit aller Läufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The per-run time at which R_min is attained</source>
        <translation>Die Laufzeit pro Lauf, bei der R_min erreicht wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Median seconds to the optimum over the runs (∞ when at most half succeeded)</source>
        <translation>Median der Sekunden bis zum Optimum über die Läufe (∞, wenn höchstens die Hälfte erfolgreich war)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>tabu, random starts</source>
        <translation>Tabu, zufällige Starts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tabu, warm starts</source>
        <translation>Tabu, Warmstarts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VNS</source>
        <translation>VNS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rank-two relaxation (Burer)</source>
        <translation>Rang-zwei-Relaxation (Burer)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exact (CBC)</source>
        <translation>exakt (CBC)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 (censored)</source>
        <translation>%1 (zensiert)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Expected runtime of Max-Cut methods</source>
        <translation>Erwartete Laufzeit der Max-Cut-Verfahren</translation>
    </message>
</context>
<context>
    <name>workbench::SolvePanel</name>
    <message>
        <location filename="../widgets/panels/solve_panel.cpp" line="-190"/>
        <source>optimal</source>
        <translation>optimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>solution found</source>
        <translation>Lösung gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>infeasible</source>
        <translation>unzulässig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time limit reached</source>
        <translation>Zeitlimit erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Greedy (paper)</source>
        <translation>Greedy (Artikel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greedy (budget-aware)</source>
        <translation>Greedy (budgetbewusst)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulated annealing</source>
        <translation>Simulated Annealing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact MIP (CBC)</source>
        <translation>Exaktes MIP (CBC)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>quality below %1</source>
        <translation>Qualität unter %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>latency above %1 ms</source>
        <translation>Latenz über %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>context window too small</source>
        <translation>Kontextfenster zu klein</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Which classical solver the Run button starts</source>
        <translation>Welchen klassischen Löser die Schaltfläche Starten ausführt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Random seed of simulated annealing; the same seed gives the same result</source>
        <translation>Zufallsstartwert des Simulated Annealing; derselbe Startwert ergibt dasselbe Ergebnis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annealing moves per restart (the paper uses 2000)</source>
        <translation>Annealing-Züge pro Neustart (der Artikel verwendet 2000)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Independent annealing runs; the best one is kept</source>
        <translation>Unabhängige Annealing-Läufe; der beste wird behalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hard constraint</source>
        <translation>harte Bedingung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>soft penalty</source>
        <translation>weiche Strafe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact solver: budget as a constraint or as the λ_B penalty</source>
        <translation>Exakter Löser: Budget als Bedingung oder als λ_B-Strafe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hard quality, latency and context</source>
        <translation>Qualität, Latenz und Kontext hart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exact solver: forbid disallowed pairs instead of penalising them</source>
        <translation>Exakter Löser: unzulässige Paare verbieten statt bestrafen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exact solver: time limit of CBC</source>
        <translation>Exakter Löser: Zeitlimit von CBC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Solver:</source>
        <translation>Löser:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restarts:</source>
        <translation>Neustarts:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget:</source>
        <translation>Budget:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time limit:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Assignment: ● marks the chosen model of each task</source>
        <translation>Zuordnung: ● markiert das gewählte Modell jeder Aufgabe</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total cost:</source>
        <translation>Gesamtkosten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality satisfied:</source>
        <translation>Qualität erfüllt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validity:</source>
        <translation>Gültigkeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective:</source>
        <translation>Zielfunktionswert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QUBO energy:</source>
        <translation>QUBO-Energie:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>● chosen · green: allowed · red: violates quality, latency or context · grey: not allowed</source>
        <translation>● gewählt · grün: zulässig · rot: verletzt Qualität, Latenz oder Kontext · grau: nicht zulässig</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+71"/>
        <source>Press Run to solve the instance.</source>
        <translation>Starten drücken, um die Instanz zu lösen.</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Running %1 …</source>
        <translation>%1 läuft …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancelled before the solver started.</source>
        <translation>Abgebrochen, bevor der Löser begann.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2 in %3 s</source>
        <translation>%1: %2 in %3 s</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The instance changed shape since the last run; run the solver again.</source>
        <translation>Die Instanz hat seit dem letzten Lauf ihre Größe geändert; bitte den Löser erneut starten.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>– (a uniformly random bitstring is valid with probability %1 %)</source>
        <translation>– (ein gleichverteilt zufälliger Bitstring ist mit Wahrscheinlichkeit %1 % gültig)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The instance was edited after this run; the figures are for the current instance.</source>
        <translation>Die Instanz wurde nach diesem Lauf bearbeitet; die Werte gelten für die aktuelle Instanz.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The solver returned no assignment.</source>
        <translation>Der Löser lieferte keine Zuordnung.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 → %2: cost %3</source>
        <translation>%1 → %2: Kosten %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not allowed: %1</source>
        <translation>Nicht zulässig: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 · %2 · %3 s</source>
        <translation>%1 · %2 · %3 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · proven optimal</source>
        <translation> · nachweislich optimal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 budget</source>
        <translation>%1 von %2 Budget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % of tasks</source>
        <translation>%1 % der Aufgaben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>one-hot %1</source>
        <translation>One-Hot %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>quality %1</source>
        <translation>Qualität %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>latency %1</source>
        <translation>Latenz %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>context %1</source>
        <translation>Kontext %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>budget %1</source>
        <translation>Budget %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, feasible</source>
        <translation>, zulässig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, infeasible (%1)</source>
        <translation>, unzulässig (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>uniform random valid rate: %1 %</source>
        <translation>Gültigkeitsrate gleichverteilt zufälliger Bits: %1 %</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not computed: more than %1 QUBO variables</source>
        <translation>nicht berechnet: mehr als %1 QUBO-Variablen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (optimal slack over %2 bits)</source>
        <translation>%1 (optimaler Schlupf über %2 Bits)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (budget not in the QUBO)</source>
        <translation>%1 (Budget nicht im QUBO)</translation>
    </message>
</context>
<context>
    <name>workbench::StateHistogramPlot</name>
    <message>
        <location filename="../widgets/plots/state_histogram_plot.cpp" line="+49"/>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rank (hover to decode)</source>
        <translation>Rang (zum Decodieren darauf zeigen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>valid (every task one-hot)</source>
        <translation>gültig (jede Aufgabe one-hot)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+96"/>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>#%1: %2</source>
        <translation>#%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>probability %1 %</source>
        <translation>Wahrscheinlichkeit %1 %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(not one-hot)</source>
        <translation>(nicht one-hot)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cost $%1</source>
        <translation>Kosten $%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>one-hot %1</source>
        <translation>One-hot %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>quality %1</source>
        <translation>Qualität %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>latency %1</source>
        <translation>Latenz %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>context %1</source>
        <translation>Kontext %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>budget %1</source>
        <translation>Budget %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, feasible</source>
        <translation>, zulässig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, infeasible (%1)</source>
        <translation>, unzulässig (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QUBO energy %1</source>
        <translation>QUBO-Energie %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Most probable states</source>
        <translation>Wahrscheinlichste Zustände</translation>
    </message>
</context>
<context>
    <name>workbench::SubmitDialog</name>
    <message>
        <location filename="../widgets/jobs/submit_dialog.cpp" line="+52"/>
        <source>LCRP: %1 tasks × %2 models</source>
        <translation>LCRP: %1 Aufgaben × %2 Modelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 graph: %2 vertices, %3 edges</source>
        <translation>%1-Graph: %2 Knoten, %3 Kanten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max-Cut</source>
        <translation>Max-Cut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MIS</source>
        <translation>MIS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QUBO: %1 variables</source>
        <translation>QUBO: %1 Variablen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Submit QAOA Job</source>
        <translation>QAOA-Job senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Project (LCRP)</source>
        <translation>Projekt (LCRP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instance file</source>
        <translation>Instanzdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QAOA layers p</source>
        <translation>QAOA-Schichten p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples drawn from the circuit</source>
        <translation>Aus dem Schaltkreis gezogene Stichproben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed</source>
        <translation>Fest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predicted angles need no optimisation before the job; fixed ones are given below</source>
        <translation>Vorhergesagte Winkel brauchen keine Optimierung vor dem Job; feste werden unten angegeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>γ₁, γ₂, …</source>
        <translation>γ₁, γ₂, …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>β₁, β₂, …</source>
        <translation>β₁, β₂, …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds the layout search and, locally, the emulation</source>
        <translation>Startwert der Layoutsuche und, lokal, der Emulation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dynamical decoupling on idle qubits (IBM backends)</source>
        <translation>Dynamische Entkopplung auf ruhenden Qubits (IBM-Backends)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pauli twirling</source>
        <translation>Pauli-Twirling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Twirl gates and measurements (IBM backends)</source>
        <translation>Twirling von Gattern und Messungen (IBM-Backends)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IBM stops the job after this many seconds; 0: the plan&apos;s default</source>
        <translation>IBM stoppt den Job nach so vielen Sekunden; 0: Vorgabe des Plans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Instance:</source>
        <translation>Instanz:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backend:</source>
        <translation>Backend:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depth p:</source>
        <translation>Tiefe p:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shots:</source>
        <translation>Shots:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Angles:</source>
        <translation>Winkel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gammas:</source>
        <translation>Gammas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Betas:</source>
        <translation>Betas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dynamical decoupling:</source>
        <translation>Dynamische Entkopplung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max. execution time:</source>
        <translation>Max. Ausführungszeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Two-qubit gates:</source>
        <translation>Zwei-Qubit-Gatter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depth (two-qubit):</source>
        <translation>Tiefe (Zwei-Qubit):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SWAPs:</source>
        <translation>SWAPs:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated fidelity:</source>
        <translation>Geschätzte Fidelität:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QPU time estimate:</source>
        <translation>Geschätzte QPU-Zeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Plan this month:</source>
        <translation>Open Plan in diesem Monat:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Estimate</source>
        <translation>Schätzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open Instance</source>
        <translation>Instanz öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instances (*.json *.gset *.rudy *.mc *.qubo *.mqlib *.txt *.gz);;All files (*)</source>
        <translation>Instanzen (*.json *.gset *.rudy *.mc *.qubo *.mqlib *.txt *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No project is open.</source>
        <translation>Kein Projekt ist geöffnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open an instance file.</source>
        <translation>Öffnen Sie eine Instanzdatei.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Transpiling for %1 …</source>
        <translation>Transpiliere für %1 …</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Estimate cancelled.</source>
        <translation>Schätzung abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot prepare the job: %1</source>
        <translation>Der Job kann nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s used of %2 s, %3 s left</source>
        <translation>%1 s von %2 s genutzt, %3 s übrig</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready to submit to %1.</source>
        <translation>Bereit zum Senden an %1.</translation>
    </message>
</context>
<context>
    <name>workbench::SuccessCurvePlot</name>
    <message>
        <location filename="../widgets/plots/warmstart_plots.cpp" line="-443"/>
        <location line="+45"/>
        <source>iterations T</source>
        <translation>Iterationen T</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>F_opt(T), fraction of runs at the optimum</source>
        <translation>F_opt(T), Anteil der Läufe am Optimum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>random starts</source>
        <translation>zufällige Starts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>warm starts</source>
        <translation>Warmstarts</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>seconds T</source>
        <translation>Sekunden T</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Success curves F_opt(T)</source>
        <translation>Erfolgskurven F_opt(T)</translation>
    </message>
</context>
<context>
    <name>workbench::TaskTableModel</name>
    <message>
        <location filename="../widgets/models/task_table_model.cpp" line="-235"/>
        <source>trivial</source>
        <translation>trivial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>simple</source>
        <translation>einfach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderate</source>
        <translation>mittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>complex</source>
        <translation>komplex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expert</source>
        <translation>Experte</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complexity</source>
        <translation>Komplexität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min. quality</source>
        <translation>Min. Qualität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency SLA</source>
        <translation>Latenz-SLA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed models</source>
        <translation>Zulässige Modelle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unique task label</source>
        <translation>Eindeutige Aufgabenbezeichnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complexity class 1 (trivial) to 5 (expert); sets the default quality and latency requirements</source>
        <translation>Komplexitätsklasse 1 (trivial) bis 5 (Experte); bestimmt die Standardanforderungen an Qualität und Latenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Estimated tokens k_i; the cost of model j is p_j k_i / 1000</source>
        <translation>Geschätzte Token k_i; Modell j kostet p_j k_i / 1000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum model quality q_min; grey values are the class default</source>
        <translation>Mindestqualität q_min des Modells; graue Werte sind der Klassenstandard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency service level in ms; grey values are the class default</source>
        <translation>Latenz-Dienstgüte in ms; graue Werte sind der Klassenstandard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models meeting quality, latency and context window of this task</source>
        <translation>Modelle, die Qualität, Latenz und Kontextfenster dieser Aufgabe erfüllen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+2"/>
        <source>Default of complexity class %1</source>
        <translation>Standard der Komplexitätsklasse %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No model meets every requirement of this task</source>
        <translation>Kein Modell erfüllt alle Anforderungen dieser Aufgabe</translation>
    </message>
    <message>
        <location line="+30"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>class default</source>
        <translation>Klassenstandard</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A task needs a non-empty id.</source>
        <translation>Eine Aufgabe braucht eine nicht leere Kennung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The task id &quot;%1&quot; is already used.</source>
        <translation>Die Aufgabenkennung „%1“ ist schon vergeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Complexity must be a whole number from 1 to 5.</source>
        <translation>Die Komplexität muss eine ganze Zahl von 1 bis 5 sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tokens must be a number greater than 0 and at most %1.</source>
        <translation>Die Tokenzahl muss größer als 0 und höchstens %1 sein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The minimum quality must lie between 0 and 1.</source>
        <translation>Die Mindestqualität muss zwischen 0 und 1 liegen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The latency SLA must be a number of milliseconds greater than 0.</source>
        <translation>Die Latenz-SLA muss eine Zahl von Millisekunden größer als 0 sein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>workbench::TranspilePanel</name>
    <message>
        <location filename="../widgets/panels/transpile_panel.cpp" line="+44"/>
        <source>Trivial (logical i on qubit i)</source>
        <translation>Trivial (logisches i auf Qubit i)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiedler line</source>
        <translation>Fiedler-Linie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quadratic assignment (FAQ)</source>
        <translation>Quadratische Zuordnung (FAQ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise-aware</source>
        <translation>Rauschbewusst</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Greedy swap network</source>
        <translation>Gieriges Swap-Netzwerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A* over swap layers</source>
        <translation>A* über Swap-Schichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SABRE</source>
        <translation>SABRE</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Square grid</source>
        <translation>Quadratisches Gitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IBM devices with their bundled calibration, or a generated grid without calibration</source>
        <translation>IBM-Geräte mit ihrer mitgelieferten Kalibrierung oder ein erzeugtes Gitter ohne Kalibrierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows of the grid</source>
        <translation>Zeilen des Gitters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns of the grid</source>
        <translation>Spalten des Gitters</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Initial placement of the logical qubits on the device</source>
        <translation>Anfängliche Platzierung der logischen Qubits auf dem Gerät</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How swaps are inserted so that every coupling term meets on a coupler</source>
        <translation>Wie Swaps eingefügt werden, damit sich jeder Kopplungsterm auf einem Koppler trifft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Route the first layer this often, each from the previous final layout; the best is kept</source>
        <translation>Die erste Schicht so oft routen, jeweils ab der vorigen Endbelegung; die beste wird behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of QAOA layers p</source>
        <translation>Anzahl der QAOA-Schichten p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds the layout search and SABRE&apos;s tie-breaking</source>
        <translation>Startwert für die Belegungssuche und SABREs Gleichstandsentscheidung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fractional rzz (Heron)</source>
        <translation>Fraktionales rzz (Heron)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the native rzz(θ) of Heron devices for bound angles instead of two cz</source>
        <translation>Für gebundene Winkel das native rzz(θ) der Heron-Geräte statt zweier cz verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transpile</source>
        <translation>Transpilieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save OpenQASM 3…</source>
        <translation>OpenQASM 3 speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the transpiled (ISA) circuit as OpenQASM 3</source>
        <translation>Die transpilierte (ISA-)Schaltung als OpenQASM 3 schreiben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backend:</source>
        <translation>Backend:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid size:</source>
        <translation>Gittergröße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout:</source>
        <translation>Belegung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Router:</source>
        <translation>Router:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iterations:</source>
        <translation>Iterationen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers p:</source>
        <translation>Schichten p:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Register:</source>
        <translation>Register:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swaps:</source>
        <translation>Swaps:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two-qubit gates:</source>
        <translation>Zwei-Qubit-Gatter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depth:</source>
        <translation>Tiefe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two-qubit depth:</source>
        <translation>Zwei-Qubit-Tiefe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated fidelity:</source>
        <translation>Geschätzte Fidelität:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial layout:</source>
        <translation>Anfangsbelegung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Logical circuit</source>
        <translation>Logische Schaltung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transpiled circuit (ISA)</source>
        <translation>Transpilierte Schaltung (ISA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The device with the routing step by step, over the routed circuit (before the translation to native gates); the step&apos;s gates are highlighted</source>
        <translation>Das Gerät mit dem Routing Schritt für Schritt, neben der gerouteten Schaltung (vor der Übersetzung in native Gatter); die Gatter des Schritts sind hervorgehoben</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+254"/>
        <source>Press Transpile to map the QAOA circuit of the instance onto the device.</source>
        <translation>„Transpilieren“ drücken, um die QAOA-Schaltung der Instanz auf das Gerät abzubilden.</translation>
    </message>
    <message numerus="yes">
        <location line="-183"/>
        <source>Transpiling %n logical qubit(s) for %1 …</source>
        <translation>
            <numerusform>%n logisches Qubit wird für %1 transpiliert …</numerusform>
            <numerusform>%n logische Qubits werden für %1 transpiliert …</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The transpilation was cancelled.</source>
        <translation>Das Transpilieren wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transpilation cancelled.</source>
        <translation>Transpilieren abgebrochen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Transpiled for %1: %2 swaps, %3 two-qubit gates, estimated fidelity %4</source>
        <translation>Für %1 transpiliert: %2 Swaps, %3 Zwei-Qubit-Gatter, geschätzte Fidelität %4</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 qubits · %3</source>
        <translation>%1 · %2 Qubits · %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2 merged with a term)</source>
        <translation>%1 (%2 mit einem Term verschmolzen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Nothing to save: transpile first.</source>
        <translation>Nichts zu speichern: zuerst transpilieren.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save OpenQASM 3</source>
        <translation>OpenQASM 3 speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenQASM files (*.qasm);;All files (*)</source>
        <translation>OpenQASM-Dateien (*.qasm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The project was edited after this transpilation; the result is for the instance as it was.</source>
        <translation>Das Projekt wurde nach diesem Transpilieren bearbeitet; das Ergebnis gilt für die Instanz in ihrem damaligen Zustand.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 logical qubits (%2 assignment, %3 budget slack)</source>
        <translation>%1 logische Qubits (%2 Zuordnung, %3 Budget-Schlupf)</translation>
    </message>
</context>
<context>
    <name>workbench::ValidRatePlot</name>
    <message>
        <location filename="../widgets/plots/qaoa_trace_plots.cpp" line="+27"/>
        <source>evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid (one-hot) rate</source>
        <translation>Gültigkeitsrate (one-hot)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>valid rate of the evaluated state</source>
        <translation>Gültigkeitsrate des ausgewerteten Zustands</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>uniform random: %1 %</source>
        <translation>gleichverteilt zufällig: %1 %</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>final state: %1 %</source>
        <translation>Endzustand: %1 %</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Valid rate</source>
        <translation>Gültigkeitsrate</translation>
    </message>
</context>
<context>
    <name>workbench::WarmstartPanel</name>
    <message>
        <location filename="../widgets/panels/warmstart_panel.cpp" line="+72"/>
        <source>estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lower bound (no random start succeeded)</source>
        <translation>untere Schranke (kein zufälliger Start erfolgreich)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no warm start succeeded</source>
        <translation>kein Warmstart erfolgreich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undefined (no run succeeded)</source>
        <translation>undefiniert (kein Lauf erfolgreich)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>brute force</source>
        <translation>vollständige Suche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exact solver</source>
        <translation>exakter Löser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>best found, not proven optimal</source>
        <translation>bestes gefundenes, nicht als optimal bewiesen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>LCRP: %1 tasks × %2 models</source>
        <translation>LCRP: %1 Aufgaben × %2 Modelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max-Cut</source>
        <translation>Max-Cut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIS</source>
        <translation>MIS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 graph: %2 vertices, %3 edges</source>
        <translation>%1-Graph: %2 Knoten, %3 Kanten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>QUBO: %1 variables, %2 couplings</source>
        <translation>QUBO: %1 Variablen, %2 Kopplungen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Single instance</source>
        <translation>Einzelne Instanz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sweep</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The warm-start pipeline on one instance: sample, filter, and measure the Q-factor</source>
        <translation>Die Warmstart-Pipeline für eine Instanz: Stichproben ziehen, filtern und den Q-Faktor messen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The emulated protocol over random graph families, sizes and depths</source>
        <translation>Das emulierte Protokoll über zufällige Graphfamilien, Größen und Tiefen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Press Run to sample the instance and measure the Q-factor.</source>
        <translation>Starten zieht Stichproben der Instanz und misst den Q-Faktor.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Project LCRP instance</source>
        <translation>LCRP-Instanz des Projekts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated graph (Max-Cut)</source>
        <translation>Erzeugter Graph (Max-Cut)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instance file</source>
        <translation>Instanzdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The instance to sample: the open project, a random graph, or a file</source>
        <translation>Die Instanz für die Stichproben: das offene Projekt, ein zufälliger Graph oder eine Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3-regular</source>
        <translation>3-regulär</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erdős–Rényi, p = 0.3</source>
        <translation>Erdős–Rényi, p = 0,3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d-regular (degree below)</source>
        <translation>d-regulär (Grad unten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erdős–Rényi (probability below)</source>
        <translation>Erdős–Rényi (Wahrscheinlichkeit unten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random graph family; unit weights, drawn as the sweep draws its graph 0</source>
        <translation>Zufällige Graphfamilie; Einheitsgewichte, gezogen wie Graph 0 der Serie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree d of the custom regular family (N × d must be even, d &lt; N)</source>
        <translation>Grad d der eigenen regulären Familie (N × d muss gerade sein, d &lt; N)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edge probability of the custom Erdős–Rényi family</source>
        <translation>Kantenwahrscheinlichkeit der eigenen Erdős–Rényi-Familie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of vertices N of the generated graph</source>
        <translation>Anzahl der Knoten N des erzeugten Graphen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed of the generated graph</source>
        <translation>Startwert des erzeugten Graphen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read an instance file (workbench JSON, Gset, MQLib or OR-Library)</source>
        <translation>Eine Instanzdatei lesen (Workbench-JSON, Gset, MQLib oder OR-Library)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The instance file in use</source>
        <translation>Die verwendete Instanzdatei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind and size of the instance that Run samples</source>
        <translation>Art und Größe der Instanz, die Starten verwendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QAOA depth p of the predicted angles (Max-Cut: 1 to 6)</source>
        <translation>QAOA-Tiefe p der vorhergesagten Winkel (Max-Cut: 1 bis 6)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>local:ideal samples the exact state; a device backend transpiles and emulates its noise</source>
        <translation>local:ideal zieht aus dem exakten Zustand; ein Geräte-Backend transpiliert und emuliert sein Rauschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples drawn from the QAOA state</source>
        <translation>Stichproben aus dem QAOA-Zustand</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Readout-error mitigation of the samples (noisy backends only): none, the tensored inverse, or the least-norm filter</source>
        <translation>Korrektur der Auslesefehler der Stichproben (nur verrauschte Backends): keine, die Tensor-Inverse oder der Least-Norm-Filter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Which samples become the warm-start pool: all, the lowest energies, the frequent ones, or the lowest energies and their Hamming neighbours</source>
        <translation>Welche Stichproben den Warmstart-Pool bilden: alle, die niedrigsten Energien, die häufigen oder die niedrigsten Energien mit ihren Hamming-Nachbarn</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The heuristic the Q-factor is measured with: tabu search on the QUBO, or VNS with path relinking (Max-Cut only)</source>
        <translation>Die Heuristik, mit der der Q-Faktor gemessen wird: Tabusuche auf dem QUBO oder VNS mit Path Relinking (nur Max-Cut)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs R from random starts and R from the warm-start pool</source>
        <translation>R Läufe von zufälligen Starts und R aus dem Warmstart-Pool</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time-based</source>
        <translation>Zeitbasiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit each run by wall-clock seconds instead of iterations (the Q-factor is then in seconds)</source>
        <translation>Jeden Lauf durch Sekunden Echtzeit statt Iterationen begrenzen (der Q-Faktor ist dann in Sekunden)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Iteration cap T_total of every run</source>
        <translation>Iterationsgrenze T_total jedes Laufs</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+14"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Wall-clock limit T_total of every run in seconds (time-based only)</source>
        <translation>Echtzeitgrenze T_total jedes Laufs in Sekunden (nur zeitbasiert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds the samples, the filters and the runs</source>
        <translation>Startwert für die Stichproben, die Filter und die Läufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare runtimes</source>
        <translation>Laufzeiten vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After the Q-factor, time VNS, the rank-two heuristic and the exact solver on the same optimum with the same runs and limit (time-based Max-Cut with the tabu solver only)</source>
        <translation>Nach dem Q-Faktor VNS, die Rang-zwei-Heuristik und den exakten Löser auf dasselbe Optimum mit denselben Läufen und derselben Grenze messen (nur zeitbasiertes Max-Cut mit dem Tabu-Löser)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wall-clock limit of the exact solver (CBC) in the runtime comparison; a solve that hits it is shown as censored</source>
        <translation>Zeitgrenze des exakten Lösers (CBC) im Laufzeitvergleich; ein Lauf, der sie erreicht, wird als zensiert gezeigt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Instance:</source>
        <translation>Instanz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family:</source>
        <translation>Familie:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree d:</source>
        <translation>Grad d:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probability:</source>
        <translation>Wahrscheinlichkeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertices N:</source>
        <translation>Knoten N:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graph seed:</source>
        <translation>Graph-Startwert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depth p:</source>
        <translation>Tiefe p:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backend:</source>
        <translation>Backend:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+119"/>
        <source>Shots:</source>
        <translation>Messungen:</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Readout:</source>
        <translation>Auslesung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solver:</source>
        <translation>Löser:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+114"/>
        <source>Runs R:</source>
        <translation>Läufe R:</translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+114"/>
        <source>Iteration cap:</source>
        <translation>Iterationsgrenze:</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Time limit:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+113"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Exact limit:</source>
        <translation>Exakt-Grenze:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample the instance, build the warm-start pool and measure the Q-factor</source>
        <translation>Stichproben der Instanz ziehen, den Warmstart-Pool bilden und den Q-Faktor messen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+111"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Stop the run; the runs finished so far stay in the plots</source>
        <translation>Den Lauf anhalten; die bisher abgeschlossenen Läufe bleiben in den Diagrammen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%v / %m runs</source>
        <translation>%v / %m Läufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished heuristic runs of both start types</source>
        <translation>Abgeschlossene Heuristikläufe beider Startarten</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q-factor:</source>
        <translation>Q-Faktor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R_min:</source>
        <translation>R_min:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimum:</source>
        <translation>Optimum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool:</source>
        <translation>Pool:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts:</source>
        <translation>Teile:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transpiled:</source>
        <translation>Transpiliert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stages:</source>
        <translation>Phasen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Q-factor (live)</source>
        <translation>Q-Faktor (live)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Success curves</source>
        <translation>Erfolgskurven</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Energy histogram</source>
        <translation>Energiehistogramm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Q-factor of the runs finished so far, with its bootstrap interval</source>
        <translation>Der Q-Faktor der bisher abgeschlossenen Läufe mit seinem Bootstrap-Intervall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of runs that reached the optimum within T, per start type</source>
        <translation>Anteil der Läufe, die das Optimum innerhalb von T erreichten, je Startart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Energies of the raw, mitigated and filtered samples</source>
        <translation>Energien der rohen, korrigierten und gefilterten Stichproben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runtime comparison</source>
        <translation>Laufzeitvergleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected time to the optimum and success probability of each method (with Compare runtimes)</source>
        <translation>Erwartete Zeit bis zum Optimum und Erfolgswahrscheinlichkeit jeder Methode (mit „Laufzeiten vergleichen“)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Comma-separated graph families: regular-D (degree D) or er-P (edge probability P)</source>
        <translation>Kommagetrennte Graphfamilien: regular-D (Grad D) oder er-P (Kantenwahrscheinlichkeit P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comma-separated vertex counts N (2 to %1)</source>
        <translation>Kommagetrennte Knotenzahlen N (2 bis %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comma-separated QAOA depths p (1 to 6)</source>
        <translation>Kommagetrennte QAOA-Tiefen p (1 bis 6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random graphs per family and size</source>
        <translation>Zufällige Graphen je Familie und Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tabu runs R per start type and graph</source>
        <translation>Tabu-Läufe R je Startart und Graph</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Samples from each QAOA state: the warm-start pool</source>
        <translation>Stichproben aus jedem QAOA-Zustand: der Warmstart-Pool</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Iteration cap T_total of every tabu run</source>
        <translation>Iterationsgrenze T_total jedes Tabu-Laufs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seeds the graphs, the samples and the runs</source>
        <translation>Startwert für die Graphen, die Stichproben und die Läufe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Families:</source>
        <translation>Familien:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sizes N:</source>
        <translation>Größen N:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Depths p:</source>
        <translation>Tiefen p:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graphs per size:</source>
        <translation>Graphen je Größe:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run sweep</source>
        <translation>Serie starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the protocol for every family, size, graph and depth</source>
        <translation>Das Protokoll für jede Familie, Größe, jeden Graphen und jede Tiefe ausführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the sweep; the finished rows stay</source>
        <translation>Die Serie anhalten; die fertigen Zeilen bleiben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows of the sweep finished</source>
        <translation>Fertige Zeilen der Serie</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Graphs</source>
        <translation>Graphen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median Q</source>
        <translation>Median Q</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min Q</source>
        <translation>Min. Q</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Max Q</source>
        <translation>Max. Q</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lower bounds</source>
        <translation>Untere Schranken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warm failed</source>
        <translation>Warm erfolglos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Median Q over the graphs of each family, size and depth</source>
        <translation>Median von Q über die Graphen je Familie, Größe und Tiefe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Q-factor against p</source>
        <translation>Q-Faktor über p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q-factor against N</source>
        <translation>Q-Faktor über N</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Open an instance file.</source>
        <translation>Eine Instanzdatei öffnen.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>samples of a job on %1</source>
        <translation>Stichproben eines Jobs auf %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Run analyses the %1 samples of the job instead of sampling.</source>
        <translation>Ausführen wertet die %1 Stichproben des Jobs aus, statt neu zu ziehen.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Instance</source>
        <translation>Instanz öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instances (*.json *.gset *.rudy *.mc *.qubo *.mqlib *.txt *.gz);;All files (*)</source>
        <translation>Instanzen (*.json *.gset *.rudy *.mc *.qubo *.mqlib *.txt *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>The project was edited after this run; the figures are for the instance as run.</source>
        <translation>Das Projekt wurde nach diesem Lauf bearbeitet; die Kennzahlen gelten für die Instanz zum Zeitpunkt des Laufs.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Running the pipeline …</source>
        <translation>Pipeline läuft …</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+23"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>running: %n row(s) finished</source>
        <translation>
            <numerusform>läuft: %n Zeile fertig</numerusform>
            <numerusform>läuft: %n Zeilen fertig</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+2"/>
        <source>running: %1</source>
        <translation>läuft: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>cancelled after %n row(s)</source>
        <translation>
            <numerusform>abgebrochen nach %n Zeile</numerusform>
            <numerusform>abgebrochen nach %n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>finished: %n row(s) in %1 s</source>
        <translation>
            <numerusform>fertig: %n Zeile in %1 s</numerusform>
            <numerusform>fertig: %n Zeilen in %1 s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warm-start sweep: %1</source>
        <translation>Warmstart-Serie: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled before the run started.</source>
        <translation>Vor dem Start des Laufs abgebrochen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Warm start: Q = %1 (%2) in %3 s</source>
        <translation>Warmstart: Q = %1 (%2) in %3 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warm start: cancelled after %1 s</source>
        <translation>Warmstart: abgebrochen nach %1 s</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled (finished stages shown)</source>
        <translation>abgebrochen (fertige Phasen angezeigt)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Q = %1 (%2)</source>
        <translation>Q = %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 % interval [%2, %3]</source>
        <translation>%1-%-Intervall [%2, %3]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>upper bound %1</source>
        <translation>obere Schranke %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 (%3 of %4 runs succeeded%5)</source>
        <translation>%1 %2 (%3 von %4 Läufen erfolgreich%5)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, censored</source>
        <translation>, zensiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>random: %1
warm: %2</source>
        <translation>zufällig: %1
warm: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>– (the runs did not finish)</source>
        <translation>– (die Läufe wurden nicht beendet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 samples, %2 distinct</source>
        <translation>%1 Stichproben, %2 verschiedene</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 circuit(s) on %2: %3 physical qubits, %4 two-qubit gates, depth %5, %6 swaps, fidelity ≈ %7</source>
        <translation>%1 Schaltung(en) auf %2: %3 physische Qubits, %4 Zwei-Qubit-Gatter, Tiefe %5, %6 Swaps, Fidelität ≈ %7</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>– (%1 samples the logical state)</source>
        <translation>– (%1 zieht aus dem logischen Zustand)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>angles %1 s, sampling %2 s, mitigation %3 s, filtering %4 s, optimum %5 s, runs %6 s; total %7 s</source>
        <translation>Winkel %1 s, Stichproben %2 s, Korrektur %3 s, Filtern %4 s, Optimum %5 s, Läufe %6 s; gesamt %7 s</translation>
    </message>
</context>
<context>
    <name>workbench::WarmstartPlot</name>
    <message>
        <location filename="../widgets/plots/warmstart_plot.cpp" line="+38"/>
        <source>Drag to pan, wheel to zoom; right-click to export</source>
        <translation>Ziehen verschiebt, Mausrad zoomt; Rechtsklick exportiert</translation>
    </message>
</context>
<context>
    <name>workbench::WorkStatusBar</name>
    <message>
        <location filename="../widgets/status/work_status_bar.cpp" line="+17"/>
        <source>Solver running …</source>
        <translation>Solver läuft …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>QAOA running …</source>
        <translation>QAOA läuft …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transpiling …</source>
        <translation>Wird transpiliert …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warm start running …</source>
        <translation>Warmstart läuft …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A classical solver is running; click to show the Solve panel</source>
        <translation>Ein klassischer Solver läuft; klicken Sie, um das Panel „Lösen“ anzuzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A QAOA simulation is running; click to show the QAOA panel</source>
        <translation>Eine QAOA-Simulation läuft; klicken Sie, um das QAOA-Panel anzuzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A transpilation is running; click to show the Transpile panel</source>
        <translation>Eine Transpilierung läuft; klicken Sie, um das Panel „Transpilieren“ anzuzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A warm-start run or sweep is running; click to show the Warm start panel</source>
        <translation>Ein Warmstart-Lauf oder Sweep läuft; klicken Sie, um das Warmstart-Panel anzuzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs of the job store that are running or waiting; click to show the Jobs panel</source>
        <translation>Jobs des Jobspeichers, die laufen oder warten; klicken Sie, um das Jobs-Panel anzuzeigen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Jobs: %1 running, %2 queued</source>
        <translation>Jobs: %1 laufend, %2 in Warteschlange</translation>
    </message>
</context>
</TS>
