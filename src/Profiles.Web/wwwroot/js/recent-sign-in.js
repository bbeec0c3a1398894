// Finishes the action the user had submitted before signing in again: the server rendered the kept form once, with a fresh
// antiforgery token, and forgets it as it does (a reload shows the page without it, so a failing action cannot loop).
(() => {
    const form = document.querySelector('form[data-resume="auto"]');
    if (form) {
        form.requestSubmit();
    }
})();
