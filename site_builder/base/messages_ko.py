"""The Korean text of every message template (messages.py): English template -> Korean.

Keys stay English (the `path:line: error:` shape, file names and YAML keys too): tools read
them, and editors copy the keys into their files.
"""

KO: dict[str, str] = {
    # The command line
    "built {documents} document(s), {versions} version(s), {changes} change page(s), {feeds} "
    "feed(s){translated} in {seconds} s -> {out}{damaged}":
        "문서 {documents}개, 버전 {versions}개, 변경 내용 페이지 {changes}개, 피드 {feeds}개"
        "{translated}를 {seconds}초 만에 만들었습니다 -> {out}{damaged}",
    ", {count} translated version(s)": ", 번역한 버전 {count}개",
    " (ignored {count} damaged cache entries)": " (손상된 캐시 항목 {count}개는 무시했습니다)",
    "Next: {go}policy-site serve (preview), fill in policies/privacy/{day}.md, policy-site "
    "check, then commit and push.":
        "다음 할 일: {go}policy-site serve (미리보기), policies/privacy/{day}.md 작성, "
        "policy-site check, 그다음 커밋하고 푸시하세요.",
    "verify passed: {count} mismatch(es)": "검증 통과: 불일치 {count}건",
    "verify failed: {count} mismatch(es)": "검증 실패: 불일치 {count}건",
    "wrote {path}: effective {effective} ({notice}).\nNext: write the summary, edit the text, "
    "then run policy-site check.":
        "{path}을(를) 만들었습니다: 시행일 {effective} ({notice}).\n다음 할 일: summary에 변경 "
        "요약을 쓰고 본문을 고친 뒤 policy-site check를 실행하세요.",
    "wrote {path}": "{path}을(를) 만들었습니다",
    "kept {path} (already there)": "{path}은(는) 이미 있어 그대로 두었습니다",
    "wrote {path}: the first version of '{title}', effective {effective}.\nNext: write the "
    "text, then run policy-site check.":
        "{path}을(를) 만들었습니다: '{title}'의 첫 버전, 시행일 {effective}.\n다음 할 일: 본문을 "
        "쓰고 policy-site check를 실행하세요.",
    "announced {day}, {window}-day notice": "공고일 {day}, 공지 기간 {window}일",
    "draft: announce it by {day}": "초안: {day}까지 공고해야 합니다",
    "{command} failed: {counts}; nothing was written":
        "{command} 실패: {counts}. 아무것도 쓰지 않았습니다",
    "policy-site: error: {reason}": "policy-site: 오류: {reason}",
    "policy-site: interrupted": "policy-site: 중단했습니다",
    "policy-site: error: {where}{reason}; check that the folder exists and can be written, and "
    "that the disk has room":
        "policy-site: 오류: {where}{reason}. 폴더가 있는지, 쓸 수 있는지, 디스크에 공간이 있는지 "
        "확인하세요",
    "stopped": "멈췄습니다",
    "--base compares with the history of a branch; use it with --git":
        "--base는 브랜치의 이력과 비교하므로 --git과 함께 쓰세요",
    "check passed as of {day}: {documents} document(s), {versions} version(s){git}; {counts}":
        "검사 통과 ({day} 기준): 문서 {documents}개, 버전 {versions}개{git}. {counts}",
    "check failed as of {day}: {documents} document(s), {versions} version(s){git}; {counts}":
        "검사 실패 ({day} 기준): 문서 {documents}개, 버전 {versions}개{git}. {counts}",
    ", history checked": ", 이력 확인함",
    "{errors} error{es}, {warnings} warning{ws}": "오류 {errors}건, 경고 {warnings}건",
    # The notice rule
    "a change needs {window} days' notice": "변경은 시행 {window}일 전까지 공지해야 합니다",
    "a material change needs {window} days' notice":
        "중요한 변경은 시행 {window}일 전까지 공지해야 합니다",
    "move effective to {earliest} or later": "시행일(effective)을 {earliest} 이후로 옮기세요",
    "announce by {latest} or move effective to {earliest} or later":
        "{latest}까지 공고하거나 시행일(effective)을 {earliest} 이후로 옮기세요",
    "announced {announced} is the same day as effective {effective}; {window}: {advice}":
        "공고일 {announced}이 시행일 {effective}과 같은 날입니다. {window}. {advice}",
    "announced {announced} is only {days} day{s} before effective {effective}; {window}: "
    "{advice}":
        "공고일 {announced}이 시행일 {effective}보다 {days}일 앞설 뿐입니다. {window}. {advice}",
    "announced {announced} is {days} day{s} after effective {effective}; {window}: {advice}":
        "공고일 {announced}이 시행일 {effective}보다 {days}일 늦습니다. {window}. {advice}",
    "draft: announce it by {latest} (add 'announced: YYYY-MM-DD') to take effect on "
    "{effective}":
        "초안: {effective}에 시행하려면 {latest}까지 공고하세요 ('announced: YYYY-MM-DD' 추가)",
    "draft can no longer be announced in time for effective {effective}: {window}; if announced "
    "today ({today}) it could take effect on {earliest} at the earliest: move effective there or "
    "later before announcing it":
        "초안을 시행일 {effective}에 맞춰 공고하기에는 이미 늦었습니다. {window}. 오늘({today}) "
        "공고하면 가장 빨리 {earliest}에 시행할 수 있으니, 공고하기 전에 시행일을 그날 이후로 "
        "옮기세요",
    "adopted {day} is in the future; it is the day this repository started using policy-site, "
    "at the latest today":
        "adopted {day}이(가) 미래입니다. 이 저장소가 policy-site를 쓰기 시작한 날이므로 늦어도 "
        "오늘이어야 합니다",
    "withdrawn_reason without withdrawn: add 'withdrawn: YYYY-MM-DD' (the day the change is "
    "called off) or remove the reason":
        "withdrawn 없이 withdrawn_reason만 있습니다. 'withdrawn: YYYY-MM-DD'(철회일)를 더하거나 "
        "사유를 지우세요",
    "only an announced change can be withdrawn; a draft was never public: delete the file "
    "instead":
        "공고한 변경만 철회할 수 있습니다. 초안은 공개된 적이 없으니 파일을 지우세요",
    "withdrawn {withdrawn} must be on or after announced {announced} and before effective "
    "{effective}: a change already in effect is not withdrawn but replaced by a new version "
    "(policy-site new)":
        "철회일 {withdrawn}은 공고일 {announced} 이후이고 시행일 {effective} 전이어야 합니다. "
        "이미 시행된 변경은 철회하지 않고 새 버전으로 바꿉니다 (policy-site new)",
    "a withdrawal needs its reason: add 'withdrawn_reason: ...' (shown to readers)":
        "철회에는 사유가 필요합니다: 'withdrawn_reason: ...'을 더하세요 (이용자에게 표시됩니다)",
    "an announced change needs a summary: add 'summary: ...' saying what changes (shown in the "
    "feeds, the archive and the changes page)":
        "공고한 변경에는 요약이 필요합니다: 무엇이 바뀌는지 'summary: ...'로 적으세요 (피드, "
        "전체 버전 목록, 변경 내용 페이지에 표시됩니다)",
    # Settings (YAML)
    "a yes/no value": "예/아니요 값",
    "a number": "숫자",
    "empty": "빈 값",
    "a date": "날짜",
    "a list": "목록",
    "a single value": "값 하나",
    "not text": "글자가 아닌 값",
    "settings must be 'key: value' lines, found {kind}":
        "설정은 'key: value' 줄이어야 하는데 {kind}이(가) 있습니다",
    "'{key}: {value}' must be true or false": "'{key}: {value}'은(는) true 또는 false여야 합니다",
    "'{key}: {value}' must be a whole number from {minimum} to {maximum}":
        "'{key}: {value}'은(는) {minimum}부터 {maximum}까지의 정수여야 합니다",
    " (YAML does not allow tabs for indentation; use spaces)":
        " (YAML은 들여쓰기에 탭을 쓸 수 없습니다. 공백을 쓰세요)",
    "YAML syntax error: {reason}{hint}": "YAML 문법 오류: {reason}{hint}",
    "YAML syntax error: {reason}; {hint}": "YAML 문법 오류: {reason}. {hint}",
    "YAML error: {reason}": "YAML 오류: {reason}",
    "YAML is nested too deeply; settings are flat key: value pairs":
        "YAML이 너무 깊이 중첩되었습니다. 설정은 한 줄에 key: value 하나씩 씁니다",
    "YAML anchors and aliases (& and *) are not allowed; {hint}":
        "YAML 앵커와 별칭(&, *)은 쓸 수 없습니다. {hint}",
    "write the value out": "값을 그대로 적으세요",
    "if this is text, put it in quotes: {key}: {quoted}":
        "글자라면 따옴표로 감싸세요: {key}: {quoted}",
    "'{key}' must be a single value, not a list or mapping":
        "'{key}'은(는) 목록이나 하위 항목이 아닌 값 하나여야 합니다",
    "'{key}: {value}' has a time of day; give the calendar day only, as YYYY-MM-DD (days count "
    "in the site's timezone)":
        "'{key}: {value}'에 시각이 있습니다. 날짜만 YYYY-MM-DD로 적으세요 (날짜는 사이트의 "
        "시간대로 셉니다)",
    "'{key}: {value}' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-01":
        "'{key}: {value}'은(는) 날짜가 아닙니다. YYYY-MM-DD로 적으세요 (예: 2024-03-01)",
    "'{key}: {value}' is not a real calendar date; check the month and day":
        "'{key}: {value}'은(는) 달력에 없는 날짜입니다. 월과 일을 확인하세요",
    "'{key}: {value}' is outside the days policy-site handles ({first} to {last}, so that every "
    "notice window stays inside the calendar); check the year":
        "'{key}: {value}'은(는) policy-site가 다루는 기간({first}~{last}) 밖입니다. 연도를 "
        "확인하세요",
    "YAML reads '{key}: {value}' as {kind}, not text; put the text in quotes: {key}: \"{value}\"":
        "YAML은 '{key}: {value}'을(를) 글자가 아닌 {kind}(으)로 읽습니다. 따옴표로 감싸세요: "
        "{key}: \"{value}\"",
    "'{key}' must hold 'key: value' lines indented below it":
        "'{key}' 아래에 'key: value' 줄을 들여 써야 합니다",
    "duplicate key '{key}' (first on line {line}); keep one of them":
        "'{key}' 키가 두 번 있습니다 (처음은 {line}번째 줄). 하나만 남기세요",
    "'{key}' is empty; write it as '{example}'": "'{key}'이(가) 비어 있습니다. '{example}'처럼 적으세요",
    "missing required key '{key}'; add a line '{example}'":
        "필수 키 '{key}'이(가) 없습니다. '{example}' 줄을 더하세요",
    "did you mean '{key}'?": "'{key}'을(를) 말씀하신 건가요?",
    "allowed keys: {keys}": "쓸 수 있는 키: {keys}",
    "unknown key '{key}'; {hint}": "알 수 없는 키 '{key}'. {hint}",
    # Sources
    "contains a space or line break": "에 공백이나 줄바꿈이 있습니다",
    "must be absolute (http:// or https:// and a host)":
        "은(는) http:// 또는 https://와 호스트로 시작하는 전체 주소여야 합니다",
    "must not carry a user name or password": "에 사용자 이름이나 비밀번호를 넣을 수 없습니다",
    "must not have a query (?) or a fragment (#)": "에 쿼리(?)나 조각(#)을 넣을 수 없습니다",
    "has a port that does not exist (1 to 65535)": "의 포트가 없는 번호입니다 (1~65535)",
    "{root}: no such folder; pass the site's folder with --root":
        "{root}: 그런 폴더가 없습니다. --root로 사이트 폴더를 지정하세요",
    "{root}: no policies/ folder here; run in the site's folder or pass --root (see README: "
    "Sources)":
        "{root}: 여기에 policies/ 폴더가 없습니다. 사이트 폴더에서 실행하거나 --root를 쓰세요 "
        "(README의 Sources 참고)",
    "links to {target}, outside policies/; replace the link with the file itself":
        "policies/ 밖의 {target}을(를) 가리키는 링크입니다. 링크 대신 파일 자체를 두세요",
    "the text says it takes effect on {stated}, but effective is {effective}; correct the text or "
    "the date":
        "본문에는 {stated}부터 시행한다고 적혀 있지만 시행일(effective)은 {effective}입니다. 본문이나 "
        "날짜를 고치세요",
    "is a loop of symbolic links; replace the link with the file itself":
        "심볼릭 링크가 서로를 가리킵니다. 링크 대신 파일 자체를 두세요",
    "missing {name}; create it with at least 'title: ...'":
        "{name}이(가) 없습니다. 적어도 'title: ...' 한 줄로 만드세요",
    "create themes/{name}/": "themes/{name}/ 폴더를 만들거나",
    "no documents: add a folder such as policies/privacy/ with document.yaml and a first version "
    "YYYY-MM-DD.md":
        "문서가 없습니다. policies/privacy/ 같은 폴더에 document.yaml과 첫 버전 YYYY-MM-DD.md를 "
        "두세요",
    "folder name '{name}' is not a valid document slug; use lower-case letters, digits and "
    "hyphens (e.g. privacy)":
        "폴더 이름 '{name}'은(는) 문서 이름으로 쓸 수 없습니다. 영문 소문자, 숫자, 하이픈만 "
        "쓰세요 (예: privacy)",
    "'{name}' is reserved for the theme's files; rename the folder":
        "'{name}'은(는) 테마 파일에 쓰는 이름입니다. 폴더 이름을 바꾸세요",
    "this document has no versions; add its first version as YYYY-MM-DD.md (the date it takes "
    "effect)":
        "이 문서에는 버전이 없습니다. 첫 버전을 YYYY-MM-DD.md(시행일)로 더하세요",
    "effective {effective} does not match the file name {named}.md; rename the file to "
    "{effective}.md or correct the date":
        "시행일(effective) {effective}이(가) 파일 이름 {named}.md와 다릅니다. 파일 이름을 "
        "{effective}.md로 바꾸거나 날짜를 고치세요",
    "the version has no text below the front matter": "설정 아래에 본문이 없습니다",
    "base_url '{url}' {reason}; write the site's address like https://example.com/policies/":
        "base_url '{url}'{reason}. 사이트 주소를 https://example.com/policies/ 처럼 적으세요",
    "theme '{name}' must be the name of a folder under themes/ (letters, digits, - and _), not a "
    "path":
        "theme '{name}'은(는) 경로가 아니라 themes/ 아래 폴더 이름(영문, 숫자, -, _)이어야 합니다",
    "theme '{name}' not found (no folder themes/{name}/); {hint} or remove 'theme' to use the "
    "default":
        "테마 '{name}'이(가) 없습니다 (themes/{name}/ 폴더 없음). {hint} 기본 테마를 쓰려면 "
        "'theme'을 지우세요",
    "language '{language}' is not supported; use ko or en":
        "언어 '{language}'은(는) 지원하지 않습니다. ko 또는 en을 쓰세요",
    "ignored: policies/ holds site.yaml and one folder per document":
        "무시함: policies/에는 site.yaml과 문서별 폴더만 둡니다",
    "ignored: a document folder holds document.yaml and YYYY-MM-DD.md files only":
        "무시함: 문서 폴더에는 document.yaml과 YYYY-MM-DD.md 파일만 둡니다",
    "unknown timezone '{name}'; use an IANA name such as Asia/Seoul":
        "알 수 없는 시간대 '{name}'. Asia/Seoul 같은 IANA 이름을 쓰세요",
    "'{name}' is not named by a date; name each version by its effective date ({first} to "
    "{last}), e.g. 2024-03-01.md":
        "'{name}'은(는) 날짜 이름이 아닙니다. 버전마다 시행일({first}~{last})로 이름을 붙이세요 "
        "(예: 2024-03-01.md)",
    "cannot read this file ({reason}); a link whose target is gone? restore the file or remove "
    "the link":
        "이 파일을 읽을 수 없습니다 ({reason}). 대상이 사라진 링크인가요? 파일을 되살리거나 "
        "링크를 지우세요",
    # Files and text
    "front matter is not closed: add a line '---' after the settings":
        "설정 블록이 닫히지 않았습니다. 설정 뒤에 '---' 줄을 더하세요",
    "file is {size} bytes; the limit is {limit}: split the text or remove embedded data":
        "파일이 {size}바이트로 한도({limit}바이트)를 넘습니다. 본문을 나누거나 들어간 데이터를 "
        "빼세요",
    "character {code} (a control character or noncharacter) is not allowed; delete it (it may be "
    "invisible in your editor)":
        "문자 {code}(제어 문자 또는 비문자)는 쓸 수 없습니다. 지우세요 (편집기에서 보이지 않을 수 "
        "있습니다)",
    "missing front matter: start the file with a line '---', the settings (effective: "
    "YYYY-MM-DD, ...), then another '---'":
        "설정 블록이 없습니다. 파일을 '---' 줄, 설정(effective: YYYY-MM-DD, ...), 다시 '---' 줄로 "
        "시작하세요",
    "cannot read this file ({reason}); check its permissions":
        "이 파일을 읽을 수 없습니다 ({reason}). 권한을 확인하세요",
    "not valid UTF-8 (byte 0x{byte}); save the file as UTF-8":
        "UTF-8이 아닙니다 (바이트 0x{byte}). 파일을 UTF-8로 저장하세요",
    "invisible character U+{code} (bidi control or zero-width) in the text; remove it unless you "
    "mean it":
        "본문에 보이지 않는 문자 U+{code}(방향 제어 또는 폭 없는 문자)가 있습니다. 일부러 넣은 것이 "
        "아니면 지우세요",
    "front matter is larger than {size} KiB; it holds settings only, the text goes below it":
        "설정 블록이 {size}KiB보다 큽니다. 설정만 두고 본문은 그 아래에 쓰세요",
    "a first version changes nothing, so it has no reasons; remove 'reasons'":
        "첫 버전은 바꾸는 것이 없어 개정 사유가 없습니다. 'reasons'를 지우세요",
    "'{label}' does not name an article; write it as 제6조, 제1조의2, 부칙 제1조 or 제2장 (in an "
    "English translation: Article 6, Article 1-2, Addenda Article 1 or Chapter 2)":
        "'{label}'은(는) 조항 이름이 아닙니다. 제6조, 제1조의2, 부칙 제1조, 제2장처럼 적으세요 "
        "(영어 번역본에서는 Article 6, Article 1-2, Addenda Article 1, Chapter 2)",
    "'{label}' is not changed by this version, so it needs no reason; the changed articles are: "
    "{listed}":
        "'{label}'은(는) 이번 버전에서 바뀌지 않아 사유가 필요 없습니다. 바뀐 조항: {listed}",
    "the text before the first article": "첫 조항 앞의 글",
    "none": "없음",
    "lists or quotes are nested too deeply here (the limit is {lists} lists inside each other, or "
    "{quotes} quotes); the text after this line would be lost, so flatten the nesting":
        "여기서 목록이나 인용이 너무 깊이 중첩됩니다 (목록은 {lists}단계, 인용은 {quotes}단계까지). "
        "이 줄 뒤의 글이 사라지므로 중첩을 줄이세요",
    # check --git
    "uncommitted changes (counted as made today)": "커밋하지 않은 변경 (오늘 한 것으로 봅니다)",
    "this branch's changes to {base} (counted as merged today)":
        "이 브랜치가 {base}에 더하는 변경 (오늘 병합한 것으로 봅니다)",
    "the checked-out branch": "지금 브랜치",
    "git {command} failed: {reason}": "git {command} 실패: {reason}",
    "this clone is shallow, so the history --git checks is incomplete; fetch it all (GitHub "
    "Actions: actions/checkout with 'fetch-depth: 0'; elsewhere: git fetch --unshallow)":
        "얕은 클론이라 --git이 확인할 이력이 모자랍니다. 전체를 받으세요 (GitHub Actions: "
        "actions/checkout에 'fetch-depth: 0', 그 밖에는 git fetch --unshallow)",
    "{policies} is a symbolic link; git records the link, not the versions, so --git cannot see "
    "their history: make policies/ a real folder (git mv the target folder to policies/)":
        "{policies}은(는) 심볼릭 링크입니다. git은 버전이 아니라 링크만 기록하므로 --git이 이력을 "
        "볼 수 없습니다. policies/를 실제 폴더로 만드세요 (대상 폴더를 git mv로 policies/로 옮기기)",
    "{real} is not inside the repository {repo}; run check --git in the repository that holds "
    "policies/":
        "{real}은(는) 저장소 {repo} 안에 있지 않습니다. policies/가 있는 저장소에서 check --git을 "
        "실행하세요",
    "{policies} is a git submodule; its history lives in another repository: run check --git "
    "inside that repository":
        "{policies}은(는) git 서브모듈입니다. 이력이 다른 저장소에 있으니 그 저장소에서 check "
        "--git을 실행하세요",
    "--base {ref}: no such branch or commit here; fetch it first (GitHub Actions: "
    "actions/checkout with 'fetch-depth: 0' fetches every branch)":
        "--base {ref}: 그런 브랜치나 커밋이 없습니다. 먼저 받아 오세요 (GitHub Actions: "
        "actions/checkout에 'fetch-depth: 0'을 주면 모든 브랜치를 받습니다)",
    "--base {base} shares no history with the checked-out branch; compare with the branch this "
    "one was started from":
        "--base {base}은(는) 지금 브랜치와 공통 이력이 없습니다. 이 브랜치를 만든 원래 브랜치와 "
        "비교하세요",
    "--git needs the git command; install git": "--git에는 git 명령이 필요합니다. git을 설치하세요",
    "--git needs a git repository, and {root} is not inside one; run check without --git, or in a "
    "clone of the policy repository":
        "--git에는 git 저장소가 필요한데 {root}은(는) 저장소 안에 있지 않습니다. --git 없이 "
        "실행하거나 정책 저장소의 클론에서 실행하세요",
    "renamed to {target}": "{target}(으)로 이름이 바뀌었습니다",
    "deleted": "삭제되었습니다",
    "published version was {what} in {commit}; published versions stay where they are: restore "
    "{path} and publish the correction as a new version (policy-site new) instead; to call off a "
    "change not yet in effect, add 'withdrawn: YYYY-MM-DD' and 'withdrawn_reason: ...' to it "
    "instead":
        "공개된 버전이 {commit}에서 {what}. 공개된 버전은 제자리에 둡니다. {path}을(를) 되살리고 "
        "고칠 내용은 새 버전으로 내세요 (policy-site new). 아직 시행되지 않은 변경을 취소하려면 "
        "파일을 지우지 말고 'withdrawn: YYYY-MM-DD'와 'withdrawn_reason: ...'을 더하세요",
    "is a symbolic link: git records only the link, so check --git cannot see edits of the text "
    "behind it; replace the link with the file itself":
        "심볼릭 링크입니다. git은 링크만 기록하므로 check --git이 그 뒤의 본문 수정을 볼 수 "
        "없습니다. 링크 대신 파일 자체를 두세요",
    "published text was changed in {changed}, after it became public on {seen} (sha256 {sha}); "
    "it is now sha256 {now}; published text is immutable: restore it (git checkout {before} -- "
    "{path}) and publish the correction as a new version (policy-site new) instead; to call off a "
    "change not yet in effect, add only 'withdrawn: YYYY-MM-DD' and 'withdrawn_reason: ...'":
        "{seen}에 공개된 문구(sha256 {sha})가 {changed}에서 바뀌었습니다 (지금 sha256 {now}). "
        "공개된 문구는 고칠 수 없습니다. 되돌리고 (git checkout {before} -- {path}) 고칠 내용은 "
        "새 버전으로 내세요 (policy-site new). 아직 시행되지 않은 변경을 취소하려면 "
        "'withdrawn: YYYY-MM-DD'와 'withdrawn_reason: ...'만 더하세요",
    "announced {stated} is earlier than the day this notice reached {branch}, {day} in {commit}: "
    "the public could not see it before then, so a notice cannot be back-dated; set announced to "
    "{day} or later (and effective at least a notice window after it)":
        "공고일 {stated}이(가) 이 공지가 {branch}에 들어온 날({day}, {commit})보다 이릅니다. 그 "
        "전에는 공개되지 않았으므로 공고일을 앞당길 수 없습니다. announced를 {day} 이후로, "
        "시행일은 그로부터 공지 기간 뒤로 정하세요",
    "withdrawn {stated} is earlier than the day this withdrawal reached {branch}, {day} in "
    "{commit}: the public could not see it before then, so a withdrawal cannot be back-dated; set "
    "withdrawn to {day} or later":
        "철회일 {stated}이(가) 이 철회가 {branch}에 들어온 날({day}, {commit})보다 이릅니다. 그 "
        "전에는 공개되지 않았으므로 철회일을 앞당길 수 없습니다. withdrawn을 {day} 이후로 "
        "정하세요",
    "published text was changed in {changed}, after it became public on {seen} (sha256 {sha}), "
    "and restored in {restored}; it is the published text again, so nothing is to be done":
        "{seen}에 공개된 문구(sha256 {sha})가 {changed}에서 바뀌었다가 {restored}에서 되돌려졌습니다. "
        "지금은 공개된 문구와 같으니 할 일은 없습니다",
    "adopted was set to {first} in {commit} and cannot be changed: it exempts only the notices "
    "that commit held; set it back to adopted: {first}":
        "adopted는 {commit}에서 {first}(으)로 정해졌고 바꿀 수 없습니다. 그 커밋에 있던 공지만 "
        "예외로 봅니다. adopted: {first}(으)로 되돌리세요",
    # The output folder
    "{path} is a loop of symbolic links; point it at a real folder":
        "{path}은(는) 서로를 가리키는 심볼릭 링크입니다. 실제 폴더를 가리키게 하세요",
    "output folder {out} is the site root; the build replaces the whole output folder, so choose "
    "another, e.g. --out output":
        "출력 폴더 {out}은(는) 사이트 루트입니다. 빌드는 출력 폴더 전체를 바꾸므로 다른 폴더를 "
        "고르세요 (예: --out output)",
    "output folder {out} is a git repository's .git folder or lies inside one; choose another, "
    "e.g. --out output":
        "출력 폴더 {out}은(는) git 저장소의 .git 폴더이거나 그 안에 있습니다. 다른 폴더를 고르세요 "
        "(예: --out output)",
    "output {out} is a file, not a folder; remove it or choose another --out":
        "출력 {out}은(는) 폴더가 아니라 파일입니다. 지우거나 다른 --out을 고르세요",
    "output folder {out} holds {stranger}, which no earlier policy-site build wrote; the build "
    "replaces the whole folder, so it refuses to. Choose an empty or new folder with --out, or "
    "move that folder's files away (an earlier build whose manifest {manifest} was lost: delete "
    "the folder)":
        "출력 폴더 {out}에 policy-site 빌드가 쓰지 않은 {stranger}이(가) 있습니다. 빌드는 폴더 "
        "전체를 바꾸므로 진행하지 않습니다. --out으로 비어 있거나 새 폴더를 고르거나 그 폴더의 "
        "파일을 옮기세요 (목록 파일 {manifest}을(를) 잃어버린 예전 빌드라면 폴더를 지우세요)",
    "output folder {out} would replace or lie inside {name}/; choose a folder outside the "
    "sources, e.g. --out output":
        "출력 폴더 {out}은(는) {name}/을(를) 덮어쓰거나 그 안에 있게 됩니다. 원본 밖의 폴더를 "
        "고르세요 (예: --out output)",
    "cannot write {path}: {reason}; the previous output was left as it was":
        "{path}에 쓸 수 없습니다: {reason}. 이전 출력은 그대로 두었습니다",
    "cannot create {path}: {reason}": "{path}을(를) 만들 수 없습니다: {reason}",
    "cannot open the lock file {path}: {reason}": "잠금 파일 {path}을(를) 열 수 없습니다: {reason}",
    "{path} is {kind}, not policy-site's lock file; remove it (policy-site creates the lock "
    "itself)":
        "{path}은(는) policy-site의 잠금 파일이 아니라 {kind}입니다. 지우세요 (잠금 파일은 "
        "policy-site가 만듭니다)",
    "a symbolic link": "심볼릭 링크",
    "a folder": "폴더",
    "another build has held {path} for {seconds} s; is one stuck?":
        "다른 빌드가 {path}을(를) {seconds}초 동안 잡고 있습니다. 멈춘 빌드가 있나요?",
    # Themes
    "template links to a file outside its theme folder; copy the file into the theme instead":
        "템플릿이 테마 폴더 밖의 파일을 가리킵니다. 파일을 테마 안으로 복사하세요",
    "template is not valid UTF-8 (byte 0x{byte}); save it as UTF-8":
        "템플릿이 UTF-8이 아닙니다 (바이트 0x{byte}). UTF-8로 저장하세요",
    "cannot read this template ({reason})": "이 템플릿을 읽을 수 없습니다 ({reason})",
    "the theme folder links outside themes/; put the theme itself there":
        "테마 폴더가 themes/ 밖을 가리킵니다. 테마 자체를 그 안에 두세요",
    "see the default theme's strings": "기본 테마의 문구 파일을 참고하세요",
    "strings file links outside its theme folder; put the file itself there":
        "문구 파일이 테마 폴더 밖을 가리킵니다. 파일 자체를 그 안에 두세요",
    "string has a broken placeholder ({reason}); write {{name}} for a value, {{{{ or }}}} for a "
    "brace":
        "문구의 자리 표시가 깨졌습니다 ({reason}). 값은 {{name}}, 중괄호 자체는 {{{{ 또는 }}}}로 "
        "쓰세요",
    "unknown string '{key}'; {hint}": "알 수 없는 문구 '{key}'. {hint}",
    "'{key}' uses {used}, which this string does not have; it can use: {names}":
        "'{key}'에 쓴 {used}은(는) 이 문구에 없는 값입니다. 쓸 수 있는 값: {names}",
    "cannot read this theme file ({reason})": "이 테마 파일을 읽을 수 없습니다 ({reason})",
    "template syntax error: {reason}": "템플릿 문법 오류: {reason}",
    "template error: {reason}; check the name against the default theme's templates":
        "템플릿 오류: {reason}. 기본 테마의 템플릿과 이름을 비교해 보세요",
    "templates extend or include each other in a loop; break the loop":
        "템플릿들이 서로를 끝없이 확장하거나 포함합니다. 고리를 끊으세요",
    "template failed: {kind}: {reason}": "템플릿 실행 실패: {kind}: {reason}",
    "links outside its theme folder, so it is not published; copy the file into the theme "
    "instead":
        "테마 폴더 밖을 가리키므로 공개하지 않습니다. 파일을 테마 안으로 복사하세요",
    # The ledger
    "{where}: no ledger there; the first deploy of a site builds without --ledger, later ones "
    "pass the live ledger":
        "{where}: 원장이 없습니다. 사이트의 첫 배포는 --ledger 없이 빌드하고, 그 뒤로 공개된 "
        "원장을 넘기세요",
    "{where} has {live} entries and does not continue the {earlier} this output folder last "
    "published: the live site was rolled back or replaced; redeploy the last build before "
    "continuing the chain":
        "{where}의 항목 {live}개가 이 출력 폴더가 마지막으로 공개한 {earlier}개를 잇지 않습니다. "
        "공개 사이트가 되돌려졌거나 바뀌었으니, 마지막 빌드를 다시 배포한 뒤 이어 쓰세요",
    "{where} is not a ledger: {reason}": "{where}은(는) 원장이 아닙니다: {reason}",
    "entry {seq} is missing or out of order": "{seq}번 항목이 없거나 순서가 어긋났습니다",
    "entry {seq} lacks one of {keys}": "{seq}번 항목에 {keys} 중 빠진 것이 있습니다",
    "entry {seq} does not follow entry {before}: the chain was cut or reordered":
        "{seq}번 항목이 {before}번 항목을 잇지 않습니다. 사슬이 끊기거나 순서가 바뀌었습니다",
    "entry {seq} was altered after it was published: its hash does not match":
        "{seq}번 항목이 공개된 뒤 바뀌었습니다. 해시가 맞지 않습니다",
    "the published ledger is broken: {reason}; restore the site's ledger.json from its last "
    "deploy":
        "공개된 원장이 손상되었습니다: {reason}. 마지막 배포의 ledger.json으로 되돌리세요",
    "{document} {effective}: the public sees this notice first today, {today}, only {days} day(s) "
    "before it takes effect; it needs {window}: the notice was not deployed in time, so move "
    "effective later in a new version (or withdraw this one)":
        "{document} {effective}: 이 공지가 오늘({today}) 처음 공개되어 시행까지 {days}일밖에 "
        "남지 않습니다. {window}일이 필요합니다. 공지가 제때 배포되지 않았으니 새 버전으로 "
        "시행일을 늦추거나 이 변경을 철회하세요",
    "{label} was published (ledger entry {seq}) and is gone from the sources; published versions "
    "stay":
        "{label}은(는) 공개되었는데(원장 {seq}번 항목) 원본에서 사라졌습니다. 공개된 버전은 "
        "남겨 두어야 합니다",
    "{label}: the published text (sha256 {sha}, ledger entry {seq}) was changed (now {now}); "
    "restore it and publish the correction as a new version":
        "{label}: 공개된 문구(sha256 {sha}, 원장 {seq}번 항목)가 바뀌었습니다 (지금 {now}). "
        "되돌리고 고칠 내용은 새 버전으로 내세요",
    # Dates, files, the network
    "{flag} {text}: write the date as YYYY-MM-DD": "{flag} {text}: 날짜를 YYYY-MM-DD로 쓰세요",
    "{flag} {text}: give a day from {first} to {last}":
        "{flag} {text}: {first}부터 {last}까지의 날짜를 쓰세요",
    "{flag} {text}: not a real calendar date": "{flag} {text}: 달력에 없는 날짜입니다",
    "{path}: no such file": "{path}: 그런 파일이 없습니다",
    "cannot read {path}: {reason}": "{path}을(를) 읽을 수 없습니다: {reason}",
    "{url}: HTTP {code} {reason}": "{url}: HTTP {code} {reason}",
    "{url}: cannot connect ({reason})": "{url}: 연결할 수 없습니다 ({reason})",
    "{url}: not found (HTTP 404)": "{url}: 찾을 수 없습니다 (HTTP 404)",
    "cannot read this file ({reason})": "이 파일을 읽을 수 없습니다 ({reason})",
    # init and new
    "{folder} is a file; name a new or empty folder":
        "{folder}은(는) 파일입니다. 새 폴더나 빈 폴더를 지정하세요",
    "{folder} is not empty; init makes a new site in a new or empty folder (--force adds the "
    "missing files and never overwrites one)":
        "{folder}이(가) 비어 있지 않습니다. init은 새 폴더나 빈 폴더에 사이트를 만듭니다 "
        "(--force를 주면 없는 파일만 더하고 있는 파일은 덮어쓰지 않습니다)",
    "--base-url {url} {reason}; give the site's address, like https://example.com/policies/":
        "--base-url {url}{reason}. 사이트 주소를 https://example.com/policies/ 처럼 쓰세요",
    "'{slug}' is not a document slug (lower-case letters, digits, hyphens)":
        "'{slug}'은(는) 문서 이름으로 쓸 수 없습니다 (영문 소문자, 숫자, 하이픈)",
    "no document '{slug}': create it with policy-site new {slug} --title 'its title'":
        "문서 '{slug}'이(가) 없습니다. policy-site new {slug} --title '제목'으로 만드세요",
    "{path} already exists; edit it or choose another date":
        "{path}이(가) 이미 있습니다. 그 파일을 고치거나 다른 날짜를 고르세요",
    "effective {effective} is inside the {window}-day notice window for a material change "
    "announced {today}; the earliest allowed is {earliest}":
        "시행일 {effective}은(는) {today} 공고한 중요한 변경의 공지 기간({window}일) 안입니다. "
        "가장 이른 시행일은 {earliest}입니다",
    "effective {effective} is inside the {window}-day notice window for a change announced "
    "{today}; the earliest allowed is {earliest}":
        "시행일 {effective}은(는) {today} 공고한 변경의 공지 기간({window}일) 안입니다. 가장 "
        "이른 시행일은 {earliest}입니다",
    "effective {effective} is not after the latest version ({latest}); choose a later date":
        "시행일 {effective}이(가) 최신 버전({latest})보다 늦지 않습니다. 더 늦은 날짜를 고르세요",
    "document '{slug}' already exists; leave out --title to add a version to it":
        "문서 '{slug}'이(가) 이미 있습니다. 버전을 더하려면 --title을 빼세요",
    "cannot write {path}: {reason}; nothing was written":
        "{path}에 쓸 수 없습니다: {reason}. 아무것도 쓰지 않았습니다",
    "cannot create {path}: {reason}; nothing was written":
        "{path}을(를) 만들 수 없습니다: {reason}. 아무것도 쓰지 않았습니다",
    # Workers and the preview
    "a render process died (killed by the system, perhaps for lack of memory); nothing was "
    "written: run the build again, with --jobs 1 if memory is short":
        "렌더링 프로세스가 죽었습니다 (메모리 부족 등으로 시스템이 종료했을 수 있습니다). 아무것도 "
        "쓰지 않았습니다. 다시 빌드하고, 메모리가 모자라면 --jobs 1을 쓰세요",
    "serving http://{host}:{port}/ (drafts shown; Ctrl-C stops)":
        "http://{host}:{port}/ 에서 미리보기 중입니다 (초안 포함, Ctrl-C로 멈춤)",
    "cannot listen on {host}:{port}: {reason}": "{host}:{port}에서 열 수 없습니다: {reason}",
    "rebuilt in {seconds} s as of {today}; {files} files":
        "{today} 기준으로 {seconds}초 만에 다시 만들었습니다. 파일 {files}개",
    "port {port} on {host} is in use; stop the other server or pass --port {next}":
        "{host}의 {port}번 포트를 이미 쓰고 있습니다. 다른 서버를 멈추거나 --port {next}를 쓰세요",
    "{url}: more than {limit} MiB; not a policy site's file":
        "{url}: {limit}MiB를 넘습니다. 정책 사이트의 파일이 아닙니다",
    "languages must list the site's language '{language}' (the originals' language), e.g. "
    "languages: [{language}, {other}]":
        "languages에 사이트의 언어(원문의 언어) '{language}'가 있어야 합니다. 예: "
        "languages: [{language}, {other}]",
    "'{key}: {value}' must be one of: {choices}": "'{key}: {value}'는 다음 중 하나여야 합니다: {choices}",
    "languages: the theme has no words in '{language}'; add themes/{theme}/strings/{language}.yaml "
    "(the default theme's en.yaml, translated), or use ko or en":
        "languages: 테마에 '{language}' 화면 문구가 없습니다. themes/{theme}/strings/{language}.yaml을 "
        "추가하거나(기본 테마의 en.yaml을 번역), ko나 en을 쓰세요",
    "is named for the site's own language '{language}'; the original has no language in its "
    "name (YYYY-MM-DD.md, site.yaml, document.yaml)":
        "파일 이름에 사이트 자신의 언어 '{language}'가 붙어 있습니다. 원문은 이름에 언어가 "
        "없습니다 (YYYY-MM-DD.md, site.yaml, document.yaml)",
    "'{language}' is not one of the site's languages ({listed}); add it to 'languages:' in "
    "policies/site.yaml, or name the file for one of them (e.g. 2024-03-01.en.md)":
        "'{language}'는 사이트의 언어({listed})가 아닙니다. policies/site.yaml의 'languages:'에 "
        "추가하거나, 그중 한 언어로 파일 이름을 바꾸세요 (예: 2024-03-01.en.md)",
    "translates '{value}' is not a SHA-256: write the original's hash as its version page and "
    "versions.json show it (64 hex digits, or the first 12 or more); policy-site new DOC "
    "--translate LANGUAGE writes it for you":
        "translates '{value}'는 SHA-256 값이 아닙니다. 원문 버전 페이지와 versions.json에 나오는 "
        "원문의 해시(16진수 64자리, 또는 앞 12자리 이상)를 쓰세요. policy-site new DOC "
        "--translate LANGUAGE가 대신 써 줍니다",
    "no original {effective}.md beside this translation; a translation is published with the "
    "version it translates: add the original, or rename this file to the date of one":
        "이 번역본 옆에 원문 {effective}.md가 없습니다. 번역본은 번역한 버전과 함께 게시됩니다. "
        "원문을 추가하거나, 이 파일 이름을 원문이 있는 날짜로 바꾸세요",
    "the translation has no text below the front matter":
        "번역본의 front matter 아래에 본문이 없습니다",
    "a translation takes '{key}' from its original ({effective}.md); remove it here":
        "번역본의 '{key}'는 원문({effective}.md)을 따릅니다. 여기서는 지우세요",
    "announced for {announced}, but there is no '{language}' translation of it yet ({name}); "
    "until there is, '{language}' readers are shown the original text or an earlier translation":
        "{announced} 공고로 정했지만 아직 '{language}' 번역본({name})이 없습니다. 번역본이 생길 "
        "때까지 '{language}' 독자에게는 원문이나 이전 번역본이 보입니다",
    "has '{language}' translations but no '{language}' title; add {path}/document.{language}.yaml "
    "with 'title: ...' (until then the '{language}' pages use the original's title)":
        "'{language}' 번역본은 있지만 '{language}' 제목이 없습니다. {path}/document.{language}.yaml"
        "에 'title: ...'을 쓰세요 (그때까지 '{language}' 페이지는 원문의 제목을 씁니다)",
    "the original {effective}.md changed after this translation was made (translates {given}, "
    "the original is now {actual}); bring the translation up to date, then set translates: "
    "{actual}":
        "이 번역본을 만든 뒤에 원문 {effective}.md가 바뀌었습니다 (translates {given}, 지금 원문은 "
        "{actual}). 번역본을 고친 다음 translates: {actual}로 바꾸세요",
    "withdrawn_reason, but the original is not withdrawn; remove it here, or withdraw the "
    "original":
        "withdrawn_reason이 있지만 원문은 철회되지 않았습니다. 여기서 지우거나 원문을 철회하세요",
    "this translation does not say which text of the original it translates, so a later change "
    "of the original would go unnoticed; add translates: {actual}":
        "이 번역본은 원문의 어느 텍스트를 번역했는지 밝히지 않아, 원문이 나중에 바뀌어도 알 수 "
        "없습니다. translates: {actual}을 추가하세요",
    "'{key}' must be a list in brackets, e.g. {key}: [ko, en]":
        "'{key}'는 대괄호로 묶은 목록이어야 합니다. 예: {key}: [ko, en]",
    "'{language}' is not one of the site's translation languages ({listed}); add it to "
    "'languages:' in policies/site.yaml first":
        "'{language}'는 사이트의 번역 언어({listed})가 아닙니다. 먼저 policies/site.yaml의 "
        "'languages:'에 추가하세요",
    "no document '{slug}' with a version to translate": "번역할 버전이 있는 문서 '{slug}'가 없습니다",
    "no version {effective} of '{slug}' to translate; the versions are: {listed}":
        "'{slug}'에 번역할 {effective} 버전이 없습니다. 있는 버전: {listed}",
    "the summary to translate": "번역할 요약",
    "--translate takes no --title, --announce or --material: a translation's dates and "
    "settings are its original's":
        "--translate에는 --title, --announce, --material을 함께 쓸 수 없습니다. 번역본의 날짜와 "
        "설정은 원문을 따릅니다",
    "wrote {path}: the original's text, to translate; translates: names the original it "
    "renders.\nNext: translate the text (and the summary), then run policy-site check.":
        "{path}를 만들었습니다. 번역할 원문 텍스트가 들어 있고, translates:에 원문의 해시를 "
        "적었습니다.\n다음: 본문(과 요약)을 번역한 뒤 policy-site check를 실행하세요.",
    "the original {effective}.md changed in {changed}, after this translation was last changed in "
    "{translated}; bring the translation up to date, and add translates: {actual} so that build "
    "notices it too":
        "이 번역본이 마지막으로 바뀐 {translated} 뒤에 원문 {effective}.md가 {changed}에서 "
        "바뀌었습니다. 번역본을 고치고, build도 알아챌 수 있도록 translates: {actual}을 추가하세요",
    "'{name}' is one of the site's languages, whose pages live in {name}/; rename the folder":
        "'{name}'은(는) 사이트의 언어 이름이며 그 언어의 페이지가 {name}/에 생깁니다. 폴더 이름을 "
        "바꾸세요",
    " (nothing changed since the last build)": " (지난 빌드 이후 바뀐 것 없음)",
}
