"""Default quality dimensions and criteria, drawn from the Deutscher Kita-Preis dimensions for
local alliances (Kindorientierung, Sozialraumorientierung, Partizipation, Lernende
Organisation / "Lernen im Prozess"; see the Hainichen evaluation report in the seeds).
German is the language of the source; networks edit the set in the workspace."""

DEFAULT_DIMENSIONS = [
    (
        "kindorientierung",
        "Kindorientierung",
        "Die Lebenswelten und Bedürfnisse der Kinder und Familien stehen im Mittelpunkt der "
        "Bündnisarbeit.",
        [
            "Wir ermitteln die Bedarfe von Kindern und Familien regelmäßig mit passenden "
            "Instrumenten.",
            "Wir beziehen unterschiedliche professionelle Sichtweisen ein.",
            "Wir schaffen individuelle Bildungszugänge für alle Kinder und arbeiten "
            "ressourcen- und kompetenzorientiert.",
        ],
    ),
    (
        "sozialraumorientierung",
        "Sozialraumorientierung",
        "Das Bündnis nutzt seinen Sozialraum zur Vernetzung und schafft vielfältige "
        "Lernmöglichkeiten für Kinder.",
        [
            "Wir haben einen strukturierten Überblick über die Lebens- und Lernbedingungen im "
            "Sozialraum.",
            "Wir schaffen Voraussetzungen für gelingende Kooperationen und nutzen vorhandene "
            "Ressourcen.",
            "Wir sind an kommunale Strukturen angebunden und werden von Politik und "
            "Verwaltung unterstützt.",
        ],
    ),
    (
        "partizipation",
        "Partizipation",
        "Partizipation ist pädagogische Handlungsorientierung und demokratisches Prinzip des "
        "gemeinsamen Handelns.",
        [
            "Ressourcen und Perspektiven aller Akteur:innen fließen in die gemeinsame Arbeit ein.",
            "Interessen und Bedürfnisse der Kinder und Eltern werden in unseren Aktivitäten "
            "wirksam.",
            "Wir bieten passgenaue und niedrigschwellige Beteiligungsformate an.",
            "Unsere Öffentlichkeitsarbeit ist transparent und gewinnt neue Akteur:innen.",
        ],
    ),
    (
        "lernen-im-prozess",
        "Lernen im Prozess (Lernende Organisation)",
        "Das Bündnis versteht Qualitätsentwicklung als kontinuierlichen Prozess und sich selbst "
        "als lernende Organisation.",
        [
            "Wir reflektieren unsere Arbeit regelmäßig und beziehen alle Akteur:innen ein.",
            "Wir evaluieren Ziele und Aktivitäten und passen unsere Arbeit an.",
            "Aufgaben und Zusammensetzung unserer Steuerung sind transparent geklärt.",
        ],
    ),
]
