"""URLs of the network's care work, included by ``urls.py`` (namespace ``network``)."""

from django.urls import path

from .views import care

N = "manage/<slug:alliance_slug>/netzwerk/"

urlpatterns = [
    path(f"{N}fallberatung/", care.consultation_list, name="manage-consultation-list"),
    path(f"{N}fallberatung/neu/", care.consultation_create, name="manage-consultation-create"),
    path(
        f"{N}fallberatung/<int:pk>/",
        care.consultation_update,
        name="manage-consultation-update",
    ),
    path(f"{N}fallberatung/zahlen/", care.consultation_counts, name="manage-consultation-counts"),
    path(f"{N}kontaktmatrix/", care.matrix_show, name="manage-matrix-show"),
    path(f"{N}kontaktmatrix.pdf", care.matrix_pdf, name="manage-matrix-pdf"),
    path(f"{N}kontaktmatrix/<int:pk>/", care.matrix_edit, name="manage-matrix-edit"),
    path(f"{N}stakeholder/", care.stakeholder_grid, name="manage-stakeholder-grid"),
    path(f"{N}stakeholder/<int:pk>/", care.stakeholder_rate, name="manage-stakeholder-rate"),
    path(f"{N}unser-netzwerk/", care.own_network, name="manage-ownnetwork-show"),
]
