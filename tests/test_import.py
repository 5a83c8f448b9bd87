"""``policy-site import`` (issue 25): the policy a team already has, as version files. The seed
(a copy of a web page) becomes the project's own 2015-02-15.md: the same article ids and text;
a saved web page gives its main content, not the site's menus; a Word file its text; several
files a history in date order; and every refusal leaves nothing written."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import docx

from site_builder.text.markup import render_body
from tests.pages import parse, visible_text
from tests.sitekit import SiteKit

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "fixtures" / "seed-privacy-2015-02-15.txt"


def articles(markdown: str) -> list[tuple[str, str, list[str]]]:
    """(id, heading, words) of every article, as the 신구대비표 and the pages see them."""
    return [(a.key, a.heading, " ".join(a.lines).split()) for a in render_body(markdown).articles]


def body_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


def empty_site(tmp_path) -> SiteKit:
    kit = SiteKit(tmp_path / "site")
    return kit


def test_the_seed_imports_to_the_projects_own_first_version(tmp_path):
    kit = empty_site(tmp_path)
    result = kit.run("import", str(SEED), "--document", "privacy", "--as-of", "2026-12-01")
    assert result.code == 0, result.err
    written = kit.root / "policies/privacy/2015-02-15.md"
    assert written.read_text(encoding="utf-8").startswith("---\neffective: 2015-02-15\n---\n")
    own = REPO / "policies/privacy/2015-02-15.md"
    assert articles(body_of(written)) == articles(body_of(own))
    assert [key for key, _, _ in articles(body_of(written))] == (
        ["preamble"] + [f"article-{n}" for n in range(1, 12)])
    assert 'title: "개인정보처리방침"' in (kit.root / "policies/privacy/document.yaml").read_text()
    assert "left out the page's header: 이전 개인정보처리방침 / 개인정보처리방침 / 시행일자" in result.out
    assert kit.check("2026-12-01").code == 0 and kit.build("2026-12-01").code == 0
    page = parse(kit.read("privacy/index.html"))
    ids = [h.get("id") for h in page.iter("h2") if (h.get("id") or "").startswith("article-")]
    assert ids == [f"article-{n}" for n in range(1, 12)]


SAVED_PAGE = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>개인정보처리방침 | 회사</title>
<style>.menu{color:red}</style><script>track("visit")</script></head><body>
<header><nav><ul><li><a href="/">홈</a></li><li><a href="/about">회사소개</a></li></ul></nav></header>
<div class="wrap"><aside>고객센터 1588-0000</aside>
<main><h1>개인정보처리방침</h1><p>시행일자 : 2024-03-01</p>
<p>‘회사’는 <strong>개인정보 보호법</strong> 제30조에 따라 개인정보 처리방침을 둡니다.</p>
<h2>제1조(목적) 이 방침은 회사가 처리하는 개인정보를 알립니다.</h2>
<h2>제2조 (처리하는 항목)</h2><ol><li>이름</li><li>전자우편 주소 *필수*</li></ol>
<table><tr><th>항목</th><th>보유기간</th></tr><tr><td>회원 정보</td><td>탈퇴 시까지</td></tr></table>
<h2>제2조의2 (국외 이전)</h2><p>▶ 이전받는 자 : Example Inc.<br>연락처 : privacy@example.com</p>
<h2>부칙</h2><p>이 방침은 2024년 3월 1일부터 시행합니다.</p></main></div>
<footer>© 회사 · <a href="/privacy">개인정보처리방침</a></footer></body></html>"""


def test_a_saved_web_page_gives_its_main_content_with_the_structure(tmp_path):
    kit = empty_site(tmp_path)
    page = kit.write("saved/privacy.html", SAVED_PAGE)
    result = kit.run("import", str(page), "--document", "privacy", "--as-of", "2026-12-01")
    assert result.code == 0, result.err
    text = (kit.root / "policies/privacy/2024-03-01.md").read_text(encoding="utf-8")
    for chrome in ("회사소개", "고객센터", "track(", "©", "color:red"):
        assert chrome not in text
    keys = [key for key, _, _ in articles(body_of(kit.root / "policies/privacy/2024-03-01.md"))]
    assert keys == ["preamble", "article-1", "article-2", "article-2-2", "addenda"]
    assert "1) 이름\n2) 전자우편 주소 \\*필수\\*" in text  # kept as written, no emphasis
    assert "| 회원 정보 | 탈퇴 시까지 |" in text
    assert "▶ 이전받는 자 : Example Inc.\\\n연락처 : privacy@example.com" in text
    assert kit.build("2026-12-01").code == 0
    shown = visible_text(kit.read("privacy/index.html"))
    assert "제1조(목적)" in shown and "이 방침은 회사가 처리하는 개인정보를 알립니다." in shown
    assert "전자우편 주소 *필수*" in shown


def word_file(path: Path, heading: str, lines: list[str]) -> Path:
    document = docx.Document()
    document.add_heading("이용약관", level=1)
    document.add_paragraph("시행일자 : 2025-01-01")
    document.add_heading(heading, level=2)
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def test_word_files_make_a_history_in_date_order(tmp_path):
    kit = empty_site(tmp_path)
    newer = word_file(tmp_path / "terms-2025.docx", "제1조 (목적)",
                      ["이 약관은 서비스 이용 조건을 정합니다.", "① 회원은 약관을 지킵니다."])
    older = kit.write("terms-2020.txt", "이용약관\n시행일자 : 2020-05-01\n제1조 (목적)\n"
                                        "이 약관은 이용 조건을 정합니다.\n")
    result = kit.run("import", str(newer), str(older), "--document", "terms", "--as-of",
                     "2026-12-01")
    assert result.code == 0, result.err
    first = (kit.root / "policies/terms/2020-05-01.md").read_text(encoding="utf-8")
    later = (kit.root / "policies/terms/2025-01-01.md").read_text(encoding="utf-8")
    assert "announced" not in first.split("---")[1]
    assert "# announced: YYYY-MM-DD" in later and "[작성 필요]" in later
    assert [a[:2] for a in articles(later.split("---\n", 2)[2])] == [("article-1", "제1조 (목적)")]
    assert "① 회원은 약관을 지킵니다." in later
    assert "set announced" in result.out
    later_path = kit.root / "policies/terms/2025-01-01.md"
    later_path.write_text(later.replace("# announced: YYYY-MM-DD", "announced: 2024-12-01")
                          .replace("[작성 필요] 무엇이 바뀌는지 적으세요", "조건을 고칩니다"),
                          encoding="utf-8")
    assert kit.check("2026-12-01").code == 0 and kit.build("2026-12-01").code == 0
    assert (kit.out / "terms/2020-05-01/index.html").is_file()


def test_refusals_name_the_file_and_write_nothing(tmp_path):
    kit = empty_site(tmp_path)
    dateless = kit.write("old.txt", "제1조 (목적)\n이 약관은 조건을 정합니다.\n")
    two_days = kit.write("two.txt", "시행일자 : 2020-01-01\n제1조 (목적)\n2021년 1월 1일부터 시행합니다.\n")
    good = kit.write("good.txt", "시행일자 : 2019-01-01\n제1조 (목적)\n본문\n")
    for files, said in (([dateless], "does not say when it takes effect"),
                        ([good, two_days], "states more than one effective day"),
                        ([good, kit.root / "missing.txt"], "cannot read")):
        result = kit.run("import", *map(str, files), "--document", "terms", "--title", "약관")
        assert result.code == 2 and said in result.err, result.err
        assert "nothing was imported" in result.err
        assert not (kit.root / "policies/terms").exists()
    fifo = kit.root / "pipe.txt"
    os.mkfifo(fifo)
    result = kit.run("import", str(fifo), "--document", "terms", "--title", "약관")
    assert result.code == 2 and "pipe.txt" in result.err


def test_an_edited_template_is_kept_and_an_existing_version_never_overwritten(tmp_path):
    kit = empty_site(tmp_path)
    shutil.rmtree(kit.root / "policies")
    assert kit.run("init", str(kit.root), "--as-of", "2026-12-01", root=False).code == 0
    template = kit.root / "policies/privacy/2026-12-08.md"
    template.write_text(template.read_text(encoding="utf-8") + "\n편집자가 쓴 문장\n", encoding="utf-8")
    assert kit.run("import", str(SEED), "--document", "privacy").code == 0
    assert template.exists() and (kit.root / "policies/privacy/2015-02-15.md").exists()
    again = kit.run("import", str(SEED), "--document", "privacy")
    assert again.code == 2 and "2015-02-15.md already exists" in again.err


def test_the_readmes_start_your_own_site_runs_as_written(tmp_path):
    """Every line of the README's block, in one shell, as a new user types them: only the
    install (done: this is the installed tool) and the preview server (it waits for Ctrl-C)
    are left out; the old policy is the seed, where the README says it is."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Start your own site", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    lines = [line for line in block.splitlines() if line.strip()]
    assert lines[0].startswith("pip install policy-site")
    [serve] = [line for line in lines if line.startswith("policy-site serve")]
    script = "\n".join(line for line in lines[1:] if line is not serve)
    home = tmp_path / "home"
    (home / "old-policy").mkdir(parents=True)
    shutil.copy(SEED, home / "old-policy" / "privacy-2015-02-15.txt")
    variables = {**os.environ, "HOME": str(home), "GIT_AUTHOR_NAME": "Editor",
                 "GIT_AUTHOR_EMAIL": "e@example.com", "GIT_COMMITTER_NAME": "Editor",
                 "GIT_COMMITTER_EMAIL": "e@example.com", "GIT_CONFIG_GLOBAL": os.devnull}
    variables.pop("POLICY_SITE_MESSAGES", None)
    done = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=home, env=variables,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    site = home / "mysite"
    assert "검사 통과" in done.stdout and "이력 확인함" in done.stdout  # check --git passed
    page = (site / "output/privacy/index.html").read_text(encoding="utf-8")
    assert "(주)큐솔루션&amp;아이엠솔루션" in page and 'id="article-11"' in page
    assert "작성하세요" not in page and not (site / "output/terms").exists()


def test_no_text_can_make_import_change_what_it_says():
    """Issue 25: every Markdown-significant character is escaped, so the words-shown check
    (which would end an import as an internal error) holds for any lines, however odd."""
    import random

    from site_builder.commands.importer import _check_every_word_shown
    from site_builder.text.imported_text import Line, to_markdown

    rng = random.Random(20261201)
    alphabet = "가나다①※▶-*+_#>`[]()!<>&;|\\=~.:1234567890 abcXYZ\t"
    for _ in range(3000):
        body = [Line("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))))
                for _ in range(rng.randint(1, 8))]
        _check_every_word_shown(Path("x.txt"), body, to_markdown(body).markdown)
