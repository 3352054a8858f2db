"""Accessibility checks for the browser tests: axe-core (vendored, WCAG 2.0–2.2 A and AA rules), a keyboard
walk that measures every focus indicator's contrast against what surrounds it (WCAG 2.2 AA: 3:1), which axe
does not check, and the page once more 320 px wide (reflow, WCAG 1.4.10: a 1280 px screen zoomed to 400 %),
where axe runs again and the page must not scroll sideways. `assert_accessible(tab)` runs all three on the page
the tab shows; any new page's test calls it."""

from pathlib import Path

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MIN_FOCUS_CONTRAST = 3.0
MAX_TAB_STOPS = 60
MAX_PARTS = 5  # the most Tab presses one field keeps the focus for: a date and time field's parts
NARROW = {"width": 320, "height": 640}

# The focus indicator (outline, or a box-shadow ring) of the focused element and the colour behind it, and the
# contrast between them: the better of the two rings must reach 3:1.
FOCUS_PROBE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    if (element === window.focusLast) return { same: true };
    window.focusLast = element;
    if (window.focusWalk.has(element)) return { repeat: true };
    window.focusWalk.add(element);
    const parse = (colour) => {
        const m = colour.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
        return { r, g, b, a };
    };
    const luminance = ({ r, g, b }) => {
        const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const contrast = (x, y) => {
        const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
        return (hi + 0.05) / (lo + 0.05);
    };
    let backdrop = null;
    for (let node = element.parentElement; node; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour && colour.a > 0.5) { backdrop = colour; break; }
    }
    backdrop = backdrop || { r: 255, g: 255, b: 255, a: 1 };
    const style = getComputedStyle(element);
    const rings = [];
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) rings.push(parse(style.outlineColor));
    const shadow = style.boxShadow.match(/rgba?\\([^)]+\\)[^,]*0px 0px 0px (\\d+)px/);
    if (shadow && Number(shadow[1]) >= 2) rings.push(parse(shadow[0]));
    const best = Math.max(0, ...rings.filter(Boolean).map((ring) => contrast(ring, backdrop)));
    const label = (element.tagName + " " + (element.id ? "#" + element.id + " " : "") +
        (element.getAttribute("aria-label") || element.textContent || element.name || "").trim()).slice(0, 80);
    return { label, contrast: Math.round(best * 100) / 100 };
}"""

# The walk starts at the top of the page even where a field has autofocus (the log-in page's), and it ends when
# an element comes round again: links that read alike ("Download (CSV)" under each chart) are each visited. A date
# field keeps the focus for each of its parts (day, month, year); the walk tabs on past it rather than stop there.
WALK_START = """() => {
    window.focusWalk = new WeakSet();
    window.focusLast = null;
    document.activeElement?.blur();
    document.body.setAttribute("tabindex", "-1");
    document.body.focus();
    document.body.removeAttribute("tabindex");
}"""

# What sticks out past the right edge of a narrow window, outside a scroll box of its own (`overflow-x: auto`).
SIDEWAYS_PROBE = """() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const scrolls = (node) => ["auto", "scroll"].includes(getComputedStyle(node).overflowX);
    const inScrollBox = (node) => {
        for (let box = node.parentElement; box; box = box.parentElement) if (scrolls(box)) return true;
        return false;
    };
    return [...document.body.querySelectorAll("*")]
        .filter((node) => node.getBoundingClientRect().right > width + 1 && !inScrollBox(node))
        .map((node) => node.tagName.toLowerCase() + (node.id ? "#" + node.id : "") +
            [...node.classList].map((name) => "." + name).join(""))
        .slice(0, 5);
}"""


def axe_violations(tab) -> list[dict]:
    """axe-core's WCAG 2.x A/AA violations on the page, each with its rule id, impact and the failing nodes."""
    if not tab.evaluate("() => 'axe' in window"):  # once per page: the narrow pass runs axe on it again
        tab.evaluate(AXE)  # evaluated, not a <script> tag: works under a strict Content-Security-Policy too
    result = tab.evaluate(
        "async (tags) => { const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})); }",
        WCAG_AA_TAGS,
    )
    return result


def weak_focus_indicators(tab) -> list[dict]:
    """Tab through the page and return every focused element whose focus indicator has less than 3:1 contrast."""
    tab.evaluate(WALK_START)
    weak = []
    stays = 0
    for _ in range(MAX_TAB_STOPS):
        tab.keyboard.press("Tab")
        probe = tab.evaluate(FOCUS_PROBE)
        if probe is not None and probe.get("same"):
            stays += 1
            if stays > MAX_PARTS:  # the focus left the page from its last element
                break
            continue
        stays = 0
        if probe is None or probe.get("repeat"):
            break
        if probe["contrast"] < MIN_FOCUS_CONTRAST:
            weak.append(probe)
    return weak


def narrow_problems(tab) -> dict:
    """axe's violations and what sticks out sideways with the window 320 px wide; the window's size is put back."""
    size = tab.viewport_size
    tab.set_viewport_size(NARROW)
    try:
        tab.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        problems = {"axe": axe_violations(tab), "sticking_out": tab.evaluate(SIDEWAYS_PROBE)}
    finally:
        tab.set_viewport_size(size)
    return {name: found for name, found in problems.items() if found}


def assert_accessible(tab) -> None:
    violations = axe_violations(tab)
    assert violations == [], f"axe-core found WCAG 2.2 AA violations on {tab.url}: {violations}"
    if tab.viewport_size["width"] > NARROW["width"]:
        narrow = narrow_problems(tab)
        assert narrow == {}, f"320 px wide, {tab.url} has: {narrow}"
    # Last: a button the walk has just left is still fading back from its focus colours, which axe would measure.
    weak = weak_focus_indicators(tab)
    assert weak == [], f"focus indicators under {MIN_FOCUS_CONTRAST}:1 on {tab.url}: {weak}"
