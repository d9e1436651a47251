"""Demo content translations (issue 14): both towns' main offers in Arabic and Ukrainian —
some fields and some offers left untranslated on purpose, so the guide shows German with its
note — a few in English, Turkish and Russian, Leichte Sprache for five much-used offers per
town, and translated category names. Written with the translations' write path (no user:
the demo acts for the coordination)."""

from __future__ import annotations

from familiennetz.directory.models import Category, Offer
from familiennetz.translations.languages import EASY
from familiennetz.translations.services import translation_save

# offer name → language → field → text. Missing on purpose: the descriptions (German with a
# note), Arabic for "Schulkindertreff" and "Familienkiosk", Ukrainian for "Willkommensbesuch".
OFFERS: dict[str, dict[str, dict[str, str]]] = {
    # --- Hainichen ---
    "Eltern-Kind-Gruppe „Krabbelkäfer“": {
        "ar": {
            "name": "مجموعة الآباء والأطفال „كرابلكيفر“",
            "summary": "اللعب والغناء والتعرف على آباء آخرين: مجموعة مفتوحة للرضع والأطفال "
            "الصغار حتى سن الثالثة مع والديهم. مجانًا.",
        },
        "uk": {
            "name": "Група для батьків і дітей „Krabbelkäfer“",
            "summary": "Гратися, співати й знайомитися з іншими батьками: відкрита група для "
            "немовлят і малюків до трьох років разом із батьками. Безкоштовно.",
        },
        "en": {
            "name": "Parent and child group “Krabbelkäfer”",
            "summary": "Play, sing and meet other parents: an open group for babies and "
            "toddlers up to three with their parents. Free of charge.",
        },
        EASY: {
            "name": "Spiel-Gruppe für Babys und kleine Kinder",
            "summary": "Hier spielen Eltern mit ihren Kindern. Die Kinder sind bis 3 Jahre alt. "
            "Sie lernen andere Eltern kennen. Es kostet nichts.",
        },
    },
    "Elterncafé im Eltern-Kind-Zentrum": {
        "ar": {
            "name": "مقهى الآباء في مركز الآباء والأطفال",
            "summary": "كل يوم جمعة بعد الظهر: قهوة وكعك ووقت للحديث، بينما يلعب الأطفال في "
            "الحديقة.",
        },
        "uk": {
            "name": "Батьківське кафе в центрі для батьків і дітей",
            "summary": "Щоп'ятниці після обіду: кава, пиріг і час поговорити, поки діти "
            "граються в саду.",
        },
        "tr": {
            "name": "Ebeveyn-Çocuk Merkezi'nde Ebeveyn Kafesi",
            "summary": "Her cuma öğleden sonra: kahve, pasta ve sohbet için zaman; çocuklar "
            "bahçede oynarken.",
        },
        EASY: {
            "name": "Café für Eltern",
            "summary": "Jeden Freitag am Nachmittag. Es gibt Kaffee und Kuchen. "
            "Die Eltern reden miteinander. Die Kinder spielen im Garten.",
        },
    },
    "Erziehungsberatung vor Ort im Eltern-Kind-Zentrum": {
        "ar": {
            "name": "استشارة تربوية في مركز الآباء والأطفال",
            "summary": "مستشارة من مركز الاستشارات الأسرية موجودة في المركز مرة في الشهر – "
            "بدون موعد وبدون استمارة.",
        },
        "uk": {
            "name": "Консультація з питань виховання в центрі для батьків і дітей",
            "summary": "Консультантка служби сімейних консультацій приходить раз на місяць – "
            "без запису й без анкет.",
        },
        "ru": {
            "name": "Консультация по вопросам воспитания в центре для родителей и детей",
            "summary": "Консультант семейной консультации бывает в центре раз в месяц – без "
            "записи и без анкет.",
        },
        EASY: {
            "name": "Beratung für Eltern",
            "summary": "Sie haben Fragen zu Ihrem Kind? Einmal im Monat kommt eine Beraterin. "
            "Sie brauchen keinen Termin.",
        },
    },
    "Willkommensbesuch für Neugeborene": {
        "ar": {
            "name": "زيارة ترحيب بالمولود الجديد",
            "summary": "بعد الولادة تزوركم منسقة التثقيف الأسري إذا رغبتم، وتحضر معها هدية "
            "ترحيب من المدينة.",
        },
        EASY: {
            "name": "Besuch nach der Geburt",
            "summary": "Ihr Baby ist geboren. Eine Frau von der Stadt besucht Sie. "
            "Sie bringt ein Geschenk mit. Nur wenn Sie das wollen.",
        },
    },
    "Schulkindertreff": {
        "uk": {
            "name": "Зустрічі для майбутніх школярів",
            "summary": "Для дітей в останньому році дитсадка та їхніх батьків: познайомитися "
            "зі школою в грі й поставити запитання.",
        },
        EASY: {
            "name": "Treff für Kinder vor der Schule",
            "summary": "Ihr Kind kommt bald in die Schule. Hier lernt es die Schule kennen. "
            "Sie können Fragen stellen.",
        },
    },
    # --- Prohlis ---
    "Elterncafé im KiFaZ": {
        "ar": {
            "name": "مقهى الآباء في مركز الأطفال والعائلات",
            "summary": "كل أربعاء: فطور وأحاديث وموضوع صغير – مع رعاية للأطفال.",
        },
        "uk": {
            "name": "Батьківське кафе в центрі для дітей і сімей",
            "summary": "Щосереди: сніданок, розмови, невелика тема – і догляд за дітьми.",
        },
        EASY: {
            "name": "Café für Eltern im KiFaZ",
            "summary": "Jeden Mittwoch. Es gibt Frühstück. Die Eltern reden über ein Thema. "
            "Jemand passt auf die Kinder auf.",
        },
    },
    "Krabbelgruppe „Kleine Hände“": {
        "ar": {
            "name": "مجموعة الزحف „الأيدي الصغيرة“",
            "summary": "مجموعة لعب للآباء مع الرضع والأطفال الصغار حتى سن الثالثة، مجانًا.",
        },
        "uk": {
            "name": "Група для малюків „Маленькі ручки“",
            "summary": "Ігрова група для батьків із немовлятами й малюками до трьох років, "
            "безкоштовно.",
        },
        "tr": {
            "name": "Emekleme grubu „Küçük Eller“",
            "summary": "Üç yaşına kadar bebekli ve küçük çocuklu ebeveynler için oyun grubu, "
            "ücretsiz.",
        },
        EASY: {
            "name": "Spiel-Gruppe für Babys",
            "summary": "Eltern spielen mit ihren Babys und kleinen Kindern. "
            "Die Kinder sind bis 3 Jahre alt. Es kostet nichts.",
        },
    },
    "Offener Familientreff im KiFaZ": {
        "ar": {
            "name": "ملتقى العائلات المفتوح في مركز الأطفال والعائلات",
            "summary": "مكان لكل العائلات في الحي: غرفة لعب ومقهى وأشخاص للتواصل – بدون تسجيل.",
        },
        "uk": {
            "name": "Відкритий сімейний клуб у центрі для дітей і сімей",
            "summary": "Місце для всіх сімей району: ігрова кімната, кафе, контактні особи – "
            "без реєстрації.",
        },
        "ru": {
            "name": "Открытый семейный клуб в центре для детей и семей",
            "summary": "Место для всех семей района: игровая комната, кафе, контактные лица – "
            "без записи.",
        },
        EASY: {
            "name": "Treff für Familien",
            "summary": "Alle Familien aus dem Stadtteil können kommen. Es gibt ein Spiel-Zimmer "
            "und ein Café. Sie müssen sich nicht anmelden.",
        },
    },
    "Kurzzeitbegleitung für Eltern": {
        "ar": {
            "name": "مرافقة قصيرة للآباء",
            "summary": "لبضعة أسابيع إلى جانب الآباء الذين يحملون الكثير حاليًا – تطوعًا ومجانًا.",
        },
        "uk": {
            "name": "Короткочасний супровід для батьків",
            "summary": "Кілька тижнів поруч із батьками, яким зараз дуже важко – добровільно "
            "й безкоштовно.",
        },
        "en": {
            "name": "Short-term support for parents",
            "summary": "For a few weeks at the side of parents who have a lot to carry right "
            "now – voluntary and free of charge.",
        },
        EASY: {
            "name": "Hilfe für Eltern für ein paar Wochen",
            "summary": "Sie haben gerade viele Sorgen? Jemand kommt ein paar Wochen zu Ihnen "
            "und hilft. Es kostet nichts.",
        },
    },
    "Familienkiosk": {
        "uk": {
            "name": "Сімейний кіоск",
            "summary": "Місце для всіх запитань: де знайти допомогу, як заповнити цю заяву, "
            "хто допоможе з цим листом?",
        },
        "ru": {
            "name": "Семейный киоск",
            "summary": "Место для всех вопросов: где найти помощь, как заполнить это "
            "заявление, кто поможет с этим письмом?",
        },
        EASY: {
            "name": "Kiosk für Familien",
            "summary": "Sie haben eine Frage? Sie suchen Hilfe? Sie verstehen einen Brief "
            "nicht? Hier hilft man Ihnen.",
        },
    },
}

# category code → language → name
CATEGORIES: dict[str, dict[str, str]] = {
    "betreuung.kita": {
        "ar": "روضة أطفال",
        "uk": "Дитячий садок",
        "tr": "Kreş",
        "ru": "Детский сад",
    },
    "beratung": {
        "ar": "استشارة ومساعدة",
        "uk": "Консультації та допомога",
        "ru": "Консультации и помощь",
    },
    "beratung.erziehung": {
        "ar": "استشارة تربوية وأسرية",
        "uk": "Консультації з виховання та для сімей",
    },
    "elternbildung.eltern-kind-gruppe": {
        "ar": "مجموعة الآباء والأطفال",
        "uk": "Група для батьків і дітей",
        "tr": "Ebeveyn-çocuk grubu",
    },
    "elternbildung.elterncafe": {
        "ar": "مقهى الآباء ونقطة لقاء",
        "uk": "Батьківське кафе та місце зустрічей",
    },
    "elternbildung.familienzentrum": {
        "ar": "مركز العائلة",
        "uk": "Сімейний центр",
        "ru": "Семейный центр",
    },
    "freizeit.spielplatz": {"ar": "ملعب وفي الهواء الطلق", "uk": "Дитячий майданчик і природа"},
    "notfall.telefon": {
        "ar": "الطوارئ والخطوط الساخنة",
        "uk": "Екстрені виклики та гарячі лінії",
        "tr": "Acil durum ve yardım hatları",
        "ru": "Экстренные вызовы и горячие линии",
    },
    "beratung.migration": {
        "ar": "الهجرة والوصول",
        "uk": "Міграція та прибуття",
        "tr": "Göç ve uyum",
        "ru": "Миграция и адаптация",
    },
    "schwangerschaft": {"ar": "الحمل والولادة", "uk": "Вагітність і пологи"},
}


def install_demo_translations(*, alliance) -> int:
    """Translate the alliance's demo offers and categories; returns the rows written."""
    written = 0
    offers = {
        offer.name: offer for offer in Offer.objects.filter(alliance=alliance, name__in=OFFERS)
    }
    for name, by_language in OFFERS.items():
        offer = offers.get(name)
        if offer is None:
            continue
        for language, texts in by_language.items():
            written += len(
                translation_save(obj=offer, language=language, texts=texts, user=None).changed
            )
    categories = {
        c.code: c for c in Category.objects.filter(alliance=alliance, code__in=CATEGORIES)
    }
    for code, by_language in CATEGORIES.items():
        category = categories.get(code)
        if category is None:
            continue
        for language, text in by_language.items():
            written += len(
                translation_save(
                    obj=category, language=language, texts={"name": text}, user=None
                ).changed
            )
    return written
