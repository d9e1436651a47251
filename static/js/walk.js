/* District walk notes: "Use my location" fills latitude and longitude from the device,
   only when the person taps the button. Nothing is sent anywhere else. */
(function () {
  "use strict";
  if (!("geolocation" in navigator)) { return; }
  document.querySelectorAll("[data-locate-fields]").forEach(function (button) {
    var wrapper = button.parentElement;
    var status = wrapper.querySelector("[data-locate-status]");
    var ids = button.dataset.locateFields.split(" ");
    wrapper.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = status.dataset.wait;
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById(ids[0]).value = pos.coords.latitude.toFixed(6);
        document.getElementById(ids[1]).value = pos.coords.longitude.toFixed(6);
        status.textContent = status.dataset.done;
      }, function () {
        status.textContent = status.dataset.failed;
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  });
})();
