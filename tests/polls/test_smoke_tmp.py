from tests.polls.conftest import *  # noqa

def test_smoke(index, client):
    page = make_poll(index, title="Næste emne", results_shown="live", questions=[question("Hvad?", ["A", "B", "C"]), question("Flere", ["A", "B", "C"], kind="multiple", max_choices=2), question("Rank", ["X", "Y", "Z"], kind="ranked")])
    r = client.get(page.url)
    assert r.status_code == 200
    u = member()
    client.force_login(u)
    r = client.get(page.url)
    html = r.content.decode()
    print(html[html.index("<main"):html.index("</main>")])
    k = keys(page)
    data = {f"q-{k[0][0]}": k[0][1][0], f"q-{k[1][0]}": [k[1][1][0], k[1][1][2]]}
    for n, c in enumerate(k[2][1]):
        data[f"q-{k[2][0]}-rank-{c}"] = str(n + 1)
    r = client.post(f"/da/polls/{page.pk}/vote/", data)
    assert r.status_code == 302, r.content.decode()[:3000]
    r = client.get(page.url)
    html = r.content.decode()
    print(html[html.index("<main"):html.index("</main>")])
    assert 0
