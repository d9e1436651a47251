from django.conf import settings


def site(request):
    return {
        "instance_name": settings.FAMILIENNETZ["INSTANCE_NAME"],
        "alliance": getattr(request, "alliance", None),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
