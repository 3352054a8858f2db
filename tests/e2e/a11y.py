"""Accessibility checks for the browser tests: axe-core (vendored, WCAG 2.0–2.2 A and AA rules) and a keyboard
walk that measures every focus indicator's contrast against what surrounds it (WCAG 2.2 AA: 3:1), which axe
does not check. `assert_accessible(tab)` runs both on the page the tab shows; any new page's test calls it."""

from pathlib import Path

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MIN_FOCUS_CONTRAST = 3.0
MAX_TAB_STOPS = 60

# The focus indicator (outline, or a box-shadow ring) of the focused element and the colour behind it, and the
# contrast between them: the better of the two rings must reach 3:1.
FOCUS_PROBE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
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


def axe_violations(tab) -> list[dict]:
    """axe-core's WCAG 2.x A/AA violations on the page, each with its rule id, impact and the failing nodes."""
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
    tab.locator("body").focus()
    seen, weak = set(), []
    for _ in range(MAX_TAB_STOPS):
        tab.keyboard.press("Tab")
        probe = tab.evaluate(FOCUS_PROBE)
        if probe is None or probe["label"] in seen:
            break
        seen.add(probe["label"])
        if probe["contrast"] < MIN_FOCUS_CONTRAST:
            weak.append(probe)
    return weak


def assert_accessible(tab) -> None:
    violations = axe_violations(tab)
    assert violations == [], f"axe-core found WCAG 2.2 AA violations on {tab.url}: {violations}"
    weak = weak_focus_indicators(tab)
    assert weak == [], f"focus indicators under {MIN_FOCUS_CONTRAST}:1 on {tab.url}: {weak}"
