<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/main.cpp" line="+27"/>
        <source>No translation for &quot;%1&quot;; using English.</source>
        <translation>Keine Übersetzung für „%1“; die Oberfläche bleibt englisch.</translation>
    </message>
    <message>
        <location line="+26"/>
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
</context>
<context>
    <name>workbench::CircuitView</name>
    <message>
        <location filename="../widgets/circuit/circuit_view.cpp" line="+264"/>
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
        <source>Save the whole diagram as PNG, SVG or PDF</source>
        <translation>Das ganze Diagramm als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <location line="+128"/>
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
        <location line="+159"/>
        <source>%1 wires · %2 operations · %3 columns</source>
        <translation>%1 Leitungen · %2 Operationen · %3 Spalten</translation>
    </message>
    <message>
        <location line="+472"/>
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
        <location line="+18"/>
        <source>Circuit diagram</source>
        <translation>Schaltungsdiagramm</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+9"/>
        <source>Export Circuit Diagram</source>
        <translation>Schaltungsdiagramm exportieren</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>workbench::MainWindow</name>
    <message>
        <location filename="../widgets/main_window.cpp" line="+97"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model tiers</source>
        <translation>Modellstufen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Penalties</source>
        <translation>Strafgewichte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>QUBO coefficients</source>
        <translation>QUBO-Koeffizienten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Solve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>QAOA</source>
        <translation>QAOA</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Transpile</source>
        <translation>Transpilieren</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+2"/>
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
        <location line="+24"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Circuit</source>
        <translation>&amp;Schaltung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+31"/>
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
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <source>QAOA Workbench projects (*.qwproj);;All files (*)</source>
        <translation>QAOA-Workbench-Projekte (*.qwproj);;Alle Dateien (*)</translation>
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
    <name>workbench::P1LandscapePlot</name>
    <message>
        <location filename="../widgets/plots/p1_landscape_plot.cpp" line="+22"/>
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
        <location line="+148"/>
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
    <name>workbench::ProjectDocument</name>
    <message>
        <location filename="../widgets/document/project_document.cpp" line="+39"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>workbench::QaoaConvergencePlot</name>
    <message>
        <location filename="../widgets/plots/qaoa_trace_plots.cpp" line="+62"/>
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
</context>
<context>
    <name>workbench::QaoaPanel</name>
    <message>
        <location filename="../widgets/panels/qaoa_panel.cpp" line="+42"/>
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
        <location line="+54"/>
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
        <location line="+5"/>
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
        <location line="+15"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+23"/>
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
        <location line="+154"/>
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
        <location line="+11"/>
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
        <location filename="../widgets/plots/qubo_heatmap_plot.cpp" line="+28"/>
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
        <location line="+19"/>
        <source>Q[%1, %2] = %3</source>
        <translation>Q[%1, %2] = %3</translation>
    </message>
</context>
<context>
    <name>workbench::RoutingView</name>
    <message>
        <location filename="../widgets/routing/routing_view.cpp" line="+130"/>
        <location line="+271"/>
        <source>Play the routing step by step</source>
        <translation>Das Routing Schritt für Schritt abspielen</translation>
    </message>
    <message>
        <location line="-267"/>
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
        <source>Save the picture as PNG, SVG or PDF</source>
        <translation>Das Bild als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <location line="+255"/>
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
        <location line="+56"/>
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
        <location line="+13"/>
        <source>Routing on %1</source>
        <translation>Routing auf %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+10"/>
        <source>Export Routing Picture</source>
        <translation>Routing-Bild exportieren</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
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
        <location filename="../widgets/plots/state_histogram_plot.cpp" line="+42"/>
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
        <location line="+103"/>
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
        <location filename="../widgets/panels/transpile_panel.cpp" line="+45"/>
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
        <location line="+29"/>
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
        <location line="+12"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+38"/>
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
        <location line="+246"/>
        <source>Press Transpile to map the QAOA circuit of the instance onto the device.</source>
        <translation>„Transpilieren“ drücken, um die QAOA-Schaltung der Instanz auf das Gerät abzubilden.</translation>
    </message>
    <message numerus="yes">
        <location line="-175"/>
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
        <location line="+54"/>
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
        <location line="+12"/>
        <source>%1 logical qubits (%2 assignment, %3 budget slack)</source>
        <translation>%1 logische Qubits (%2 Zuordnung, %3 Budget-Schlupf)</translation>
    </message>
</context>
<context>
    <name>workbench::ValidRatePlot</name>
    <message>
        <location filename="../widgets/plots/qaoa_trace_plots.cpp" line="+92"/>
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
</context>
</TS>
