// Search as you type: after a short pause, fetch the search page for what is typed and swap in its results,
// and offer completions. The form is a plain GET form; without this script it works the same, one submit at a time.
(() => {
  const form = document.getElementById('search-form');
  if (!form) return;
  const input = form.querySelector('input[name=q]');
  const suggestions = document.getElementById('search-suggestions');
  let timer;
  let inFlight;

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });

  async function update() {
    inFlight?.abort();
    inFlight = new AbortController();
    const params = new URLSearchParams(new FormData(form));
    const url = `/search?${params}`;
    try {
      const [html, completions] = await Promise.all([
        fetch(url, { signal: inFlight.signal }).then(r => r.text()),
        fetch(`/api/search/suggest?q=${encodeURIComponent(input.value)}`, { signal: inFlight.signal })
          .then(r => (r.ok ? r.json() : { suggestions: [] })),
      ]);
      const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('search-results');
      if (fresh) document.getElementById('search-results').replaceWith(fresh);
      history.replaceState(null, '', url);
      suggestions.replaceChildren(...completions.suggestions.map(s => new Option(s.type, s.text)));
    } catch (error) {
      if (error.name !== 'AbortError') console.error(error);
    }
  }
})();
