from django.shortcuts import redirect, render

from .models import Alliance


def alliance_list(request):
    """The instance root: the list of alliances, or straight to the only one."""
    alliances = list(Alliance.objects.active().order_by("name"))
    if len(alliances) == 1:
        return redirect(alliances[0].get_absolute_url())
    return render(request, "alliances/alliance_list.html", {"alliances": alliances})
