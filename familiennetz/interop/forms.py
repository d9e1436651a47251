"""Upload forms of the workspace import page: input checks only (size, type)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from familiennetz.core.archives import ArchiveLimitError, check_xlsx, check_zip

from .hsds.sources import ZIP_LIMITS
from .services import MAX_UPLOAD_BYTES
from .tabular_io import XLSX_LIMITS

ZIP_MAGIC = b"PK\x03\x04"


class UploadForm(forms.Form):
    """Both forms are on one page; a plain hidden input ``kind`` says which was sent."""

    KIND = ""
    extensions: tuple[str, ...] = ()
    type_error = ""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s.") % {"size": filesizeformat(MAX_UPLOAD_BYTES)}
            )
        name = upload.name.lower()
        if not name.endswith(self.extensions):
            raise forms.ValidationError(self.type_error)
        data = upload.read()
        if not data:
            raise forms.ValidationError(_("The file is empty."))
        self.check_content(name, data)
        self.cleaned_data["data"] = data
        return upload

    def check_content(self, name: str, data: bytes) -> None:
        raise NotImplementedError


class SheetUploadForm(UploadForm):
    KIND = "sheet"
    extensions = (".csv", ".xlsx")
    type_error = _("Upload a CSV file (.csv) or an Excel file (.xlsx).")

    file = forms.FileField(
        label=_("Spreadsheet (.csv or .xlsx)"),
        help_text=_("At most 20 MB. Use the template or a list with the same column headers."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    status = forms.ChoiceField(
        label=_("New entries without a status in the file"),
        choices=[
            ("draft", _("save as drafts (publish them later)")),
            ("published", _("publish at once")),
        ],
        initial="draft",
        widget=forms.RadioSelect,
    )
    geocode = forms.BooleanField(
        label=_("Find coordinates for addresses without coordinates (geocoding)"),
        required=False,
    )

    def __init__(self, *args, geocoding_available: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if geocoding_available:
            self.fields["geocode"].initial = True
            self.fields["geocode"].help_text = _(
                "Slow for long lists: about one address per second."
            )
        else:
            self.fields["geocode"].disabled = True
            self.fields["geocode"].help_text = _(
                "Not available: no geocoding service is set up. Places need coordinates in "
                "the file to appear on the map."
            )

    def check_content(self, name: str, data: bytes) -> None:
        if name.endswith(".xlsx"):
            if not data.startswith(ZIP_MAGIC):
                raise forms.ValidationError(
                    _("This is not an Excel file (.xlsx). Save it as .xlsx or as CSV.")
                )
            try:  # rows, columns, cells and unpacked size before anything is stored or parsed
                check_xlsx(data, XLSX_LIMITS)
            except ArchiveLimitError as exc:
                raise forms.ValidationError(str(exc)) from exc
        elif data.startswith(ZIP_MAGIC) or (
            b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
        ):
            raise forms.ValidationError(
                _("This is not a CSV file (it looks like an Excel or other binary file).")
            )


class HsdsUploadForm(UploadForm):
    KIND = "hsds"
    extensions = (".json", ".zip")
    type_error = _("Upload an HSDS file: JSON (.json) or a ZIP data package (.zip).")

    file = forms.FileField(
        label=_("HSDS 3.0 data (.json or .zip)"),
        help_text=_(
            "A JSON file with services, organizations and locations, or a ZIP with the CSV "
            "data package or JSON files. At most 20 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.zip"}),
    )

    def check_content(self, name: str, data: bytes) -> None:
        is_zip = data.startswith(ZIP_MAGIC) and zipfile.is_zipfile(io.BytesIO(data))
        if name.endswith(".zip") and not is_zip:
            raise forms.ValidationError(_("This is not a ZIP file."))
        if is_zip:
            try:  # unpacked sizes and ratio before anything is stored or parsed
                check_zip(data, ZIP_LIMITS)
            except ArchiveLimitError as exc:
                raise forms.ValidationError(str(exc)) from exc
        if name.endswith(".json") and (is_zip or b"\x00" in data[:4096]):
            raise forms.ValidationError(_("This is not a JSON file."))


class CheckedDateForm(forms.Form):
    """The preview's choice (issue 16): which checked date the imported entries get."""

    IMPORT, SOURCE = "import", "quelle"
    pruefdatum = forms.ChoiceField(
        label=_("Checked date of the imported entries"),
        choices=[
            (IMPORT, _("Today: the file's details were agreed with the providers")),
            (SOURCE, _("The date of the source (e.g. the list's “as of” date)")),
        ],
        initial=IMPORT,
        required=False,  # not sent: the import's date
        widget=forms.RadioSelect,
    )
    quelldatum = forms.DateField(
        label=_("Date of the source"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["pruefdatum"] = cleaned.get("pruefdatum") or self.IMPORT
        choice, day = cleaned["pruefdatum"], cleaned.get("quelldatum")
        if choice == self.SOURCE and day is None:
            self.add_error("quelldatum", _("Enter the date of the source."))
        elif day is not None and day > timezone.localdate():
            self.add_error("quelldatum", _("The date of the source cannot be in the future."))
        return cleaned

    def checked_at(self) -> dt.datetime:
        if self.cleaned_data["pruefdatum"] == self.SOURCE:
            day = self.cleaned_data["quelldatum"]
            return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
        return timezone.now()
