// Lowers each [data-countdown] number once a second from the value the server rendered; at zero, enables the buttons marked
// data-countdown-button and hides the sentences marked data-countdown-hint in the same [data-countdown-scope]. The server
// enforces the cooldown whatever this script does. Included once per countdown, so it runs only once.
(() => {
    if (window.profilesCountdown) {
        return;
    }

    window.profilesCountdown = true;
    const started = performance.now();
    const tick = () => {
        let running = false;
        for (const counter of document.querySelectorAll('[data-countdown]')) {
            const left = Math.max(0, Math.ceil(Number(counter.dataset.countdown) - (performance.now() - started) / 1000));
            counter.textContent = String(left);
            if (left > 0) {
                running = true;
                continue;
            }

            const scope = counter.closest('[data-countdown-scope]');
            if (scope) {
                scope.querySelectorAll('button[data-countdown-button]').forEach(button => { button.disabled = false; });
                scope.querySelectorAll('[data-countdown-hint]').forEach(hint => { hint.hidden = true; });
            }
        }

        if (running) {
            setTimeout(tick, 1000);
        }
    };
    setTimeout(tick, 1000);
})();
