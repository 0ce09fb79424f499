import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, type TestApp } from '../../../tests/helpers/app';
import { buildMember } from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';

type Attributes = Record<string, unknown>;

/** /api/tasks: Assign Task, the User Tasks grid, the status workflow (issue 14, items 5, 6, 8). */
describe('tasks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-02-20T12:00:00.000Z');
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (browser: Browser, attributes: Attributes, ownerId?: string) =>
    browser.request({
      method: 'POST',
      url: '/api/tasks',
      payload: {
        data: {
          type: 'tasks',
          attributes,
          ...(ownerId ? { relationships: { owner: { data: { type: 'users', id: ownerId } } } } : {}),
        },
      },
    });
  const patch = (browser: Browser, id: string, attributes: Attributes) =>
    browser.request({
      method: 'PATCH',
      url: `/api/tasks/${id}`,
      payload: { data: { type: 'tasks', id, attributes } },
    });
  const countTasks = async (ownerId: string) =>
    (await t.deps.db.selectFrom('tasks').select('id').where('ownerId', '=', ownerId).execute()).length;

  it('answers 401 to anonymous requests on every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/tasks'],
      ['POST', '/api/tasks'],
      ['GET', '/api/tasks/x'],
      ['PATCH', '/api/tasks/x'],
      ['DELETE', '/api/tasks/x'],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('assigns a task with OroCRM defaults, sanitized description, and walks the status workflow', async () => {
    const { user: manager, browser } = await signedInUser(t, { roles: ['Manager'] });
    const member = await buildMember(t, manager.organization);
    const created = await create(
      browser,
      {
        subject: 'Call the supplier',
        description: '<p>Ask about <b>prices</b><script>alert(1)</script></p>',
        dueDate: '2026-03-01T10:00:00+01:00',
        reminders: [{ method: 'email', minutesBefore: 60 }],
      },
      member.id,
    );
    expect(created.statusCode).toBe(201);
    const task = created.json().data;
    expect(created.headers.location).toBe(`/api/tasks/${task.id}`);
    expect(task.attributes).toMatchObject({
      subject: 'Call the supplier',
      description: '<p>Ask about <b>prices</b></p>',
      dueDate: '2026-03-01T09:00:00.000Z',
      priority: 'normal',
      status: 'open',
      reminders: [{ method: 'email', minutesBefore: 60 }],
    });
    expect(task.relationships.owner.data.id).toBe(member.id);
    expect(task.relationships.createdBy.data.id).toBe(manager.id);

    const steps: [string, number][] = [
      ['in_progress', 200],
      ['open', 200],
      ['closed', 200],
      ['in_progress', 422],
      ['open', 200],
    ];
    for (const [status, expected] of steps) {
      const response = await patch(browser, task.id, { status });
      expect(response.statusCode, status).toBe(expected);
      if (expected === 422) {
        expect(response.json().errors[0]).toMatchObject({
          code: 'task_status_transition',
          source: { pointer: '/data/attributes/status' },
        });
      }
    }
    const read = await browser.request({ method: 'GET', url: `/api/tasks/${task.id}` });
    expect(read.json().data.attributes.status).toBe('open');
  });

  it('refuses bad input with a pointer and stores nothing', async () => {
    const { user, browser } = await signedInUser(t);
    const cases: [Attributes, number, string, string][] = [
      [{ subject: '' }, 422, 'validation_failed', '/data/attributes/subject'],
      [
        { subject: 'x', dueDate: '2026-02-19T12:00:00Z' },
        422,
        'due_date_in_past',
        '/data/attributes/dueDate',
      ],
      [
        { subject: 'x', reminders: [{ method: 'email', minutesBefore: 10 }] },
        422,
        'reminder_needs_due_date',
        '/data/attributes/reminders',
      ],
      [{ subject: 'x', priority: 'urgent' }, 422, 'validation_failed', '/data/attributes/priority'],
      [{ subject: 'x', status: 'closed' }, 422, 'task_status_initial', '/data/attributes/status'],
      [{ subject: 'x', dueDate: 'tomorrow' }, 422, 'validation_failed', '/data/attributes/dueDate'],
      [{ subject: 'x', isAdmin: true }, 400, 'unknown_member', '/data/attributes/isAdmin'],
    ];
    for (const [attributes, status, code, pointer] of cases) {
      const response = await create(browser, attributes);
      expect(response.statusCode, JSON.stringify(attributes)).toBe(status);
      const [error] = response.json().errors;
      if (code !== 'validation_failed') expect(error.code).toBe(code);
      expect(error.source.pointer, JSON.stringify(attributes)).toBe(pointer);
    }
    expect(await countTasks(user.id)).toBe(0);

    const task = (await create(browser, { subject: 'Keep', dueDate: '2026-03-01T10:00:00Z' })).json().data;
    await patch(browser, task.id, { reminders: [{ method: 'email', minutesBefore: 5 }] });
    const dropDue = await patch(browser, task.id, { dueDate: null });
    expect(dropDue.statusCode).toBe(422);
    expect(dropDue.json().errors[0].code).toBe('reminder_needs_due_date');
    expect(
      (await browser.request({ method: 'GET', url: `/api/tasks/${task.id}` })).json().data.attributes.dueDate,
    ).toBe('2026-03-01T10:00:00.000Z');
  });

  it('lets only the owner, the creator or a manager change or delete a task', async () => {
    const { user: owner, browser: ownerBrowser } = await signedInUser(t);
    const { browser: otherBrowser } = await signedInUser(t, { organization: owner.organization });
    const { browser: managerBrowser } = await signedInUser(t, {
      organization: owner.organization,
      roles: ['Manager'],
    });
    const task = (await create(ownerBrowser, { subject: 'Mine' })).json().data;
    expect(task.meta.abilities).toEqual({ update: true, delete: true });
    const seenByOther = await otherBrowser.request({ method: 'GET', url: `/api/tasks/${task.id}` });
    expect(seenByOther.statusCode).toBe(200);
    // meta.abilities answers as the policy does: the other member may neither edit nor delete it.
    expect(seenByOther.json().data.meta.abilities).toEqual({ update: false, delete: false });
    const seenByManager = await managerBrowser.request({ method: 'GET', url: `/api/tasks/${task.id}` });
    expect(seenByManager.json().data.meta.abilities).toEqual({ update: true, delete: true });
    expect((await patch(otherBrowser, task.id, { subject: 'Theirs' })).statusCode).toBe(403);
    expect((await otherBrowser.request({ method: 'DELETE', url: `/api/tasks/${task.id}` })).statusCode).toBe(
      403,
    );
    expect((await patch(managerBrowser, task.id, { priority: 'high' })).statusCode).toBe(200);
    expect((await ownerBrowser.request({ method: 'DELETE', url: `/api/tasks/${task.id}` })).statusCode).toBe(
      204,
    );
    expect(await countTasks(owner.id)).toBe(0);
  });

  it('lists a user’s tasks by due date with filters and paging', async () => {
    const { user, browser } = await signedInUser(t);
    for (const [subject, dueDate, priority] of [
      ['Later', '2026-04-01T09:00:00Z', 'low'],
      ['None', null, 'normal'],
      ['Sooner', '2026-03-01T09:00:00Z', 'high'],
      ['Soonest', '2026-02-21T09:00:00Z', 'normal'],
    ] as const) {
      expect((await create(browser, { subject, dueDate, priority })).statusCode).toBe(201);
    }
    const list = (query: string) =>
      browser.request({
        method: 'GET',
        url: `/api/tasks?filter[owner]=${user.id}${query}`,
        headers: { 'x-include': 'totalCount' },
      });
    const all = await list('');
    expect(all.statusCode).toBe(200);
    expect(all.json().data.map((task: { attributes: Attributes }) => task.attributes.subject)).toEqual([
      'Soonest',
      'Sooner',
      'Later',
      'None',
    ]);
    expect(all.headers['x-include-total-count']).toBe('4');
    const high = await list('&filter[priority]=high,low&sort=-dueDate');
    expect(high.json().data.map((task: { attributes: Attributes }) => task.attributes.subject)).toEqual([
      'Later',
      'Sooner',
    ]);
    const due = await list('&filter[dueDate][lt]=2026-03-15T00:00:00Z&page[size]=1');
    expect(due.json().data.map((task: { attributes: Attributes }) => task.attributes.subject)).toEqual([
      'Soonest',
    ]);
    expect(due.json().links.next).toBeDefined();
    const mine = await browser.request({
      method: 'GET',
      url: '/api/tasks?filter[owner]=me&filter[status]=closed',
    });
    expect(mine.json().data).toEqual([]);
    const subjects = async (query: string) =>
      (await list(query)).json().data.map((task: { attributes: Attributes }) => task.attributes.subject);
    // Priority in its meaning (low < normal < high), not alphabetically; ties by id.
    expect((await subjects('&sort=priority')).slice(0, 1)).toEqual(['Later']);
    expect((await subjects('&sort=-priority')).slice(0, 1)).toEqual(['Sooner']);
    expect((await subjects('&sort=-priority')).slice(-1)).toEqual(['Later']);
    const soonest = all.json().data[0].id as string;
    expect((await patch(browser, soonest, { status: 'in_progress' })).statusCode).toBe(200);
    expect((await subjects('&sort=-status')).slice(0, 1)).toEqual(['Soonest']);
    expect((await patch(browser, soonest, { status: 'closed' })).statusCode).toBe(200);
    expect((await subjects('&sort=-status')).slice(0, 1)).toEqual(['Soonest']);
    expect((await subjects('&sort=status')).slice(-1)).toEqual(['Soonest']);
    const badStatus = await browser.request({ method: 'GET', url: '/api/tasks?filter[status]=done' });
    expect(badStatus.statusCode).toBe(400);
  });

  it('includes the creator and owner, and pages by cursor through every task once', async () => {
    const { user: manager, browser } = await signedInUser(t, { roles: ['Manager'] });
    const member = await buildMember(t, manager.organization);
    const subjects: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const subject = `Task ${index}`;
      subjects.push(subject);
      // Two share a due date and one has none: the cursor's id tiebreak and NULLs last.
      const dueDate = index === 4 ? null : `2026-03-0${Math.min(index, 2) + 1}T09:00:00Z`;
      expect((await create(browser, { subject, dueDate }, member.id)).statusCode).toBe(201);
    }
    const first = await browser.request({
      method: 'GET',
      url: `/api/tasks?filter[owner]=${member.id}&include=createdBy,owner&page[size]=2`,
    });
    expect(first.statusCode).toBe(200);
    const document = first.json();
    expect(document.data[0].relationships.createdBy.data.id).toBe(manager.id);
    expect(
      document.included.map((user: { id: string; attributes: Attributes }) => [
        user.id,
        user.attributes.username,
      ]),
    ).toEqual(
      [
        [manager.id, manager.username],
        [member.id, member.username],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const seen: string[] = document.data.map((task: { attributes: Attributes }) => task.attributes.subject);
    let next: string | undefined = document.links.next;
    while (next) {
      const page = await browser.request({ method: 'GET', url: next });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().data.map((task: { attributes: Attributes }) => task.attributes.subject));
      next = page.json().links.next ?? undefined;
    }
    expect(seen).toEqual(subjects);
    const unknown = await browser.request({ method: 'GET', url: '/api/tasks?include=organization' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].source).toEqual({ parameter: 'include' });
  });

  it("answers 404 for another organization's task and user", async () => {
    const { browser } = await signedInUser(t);
    const { user: stranger, browser: strangerBrowser } = await signedInUser(t);
    const theirs = (await create(strangerBrowser, { subject: 'Secret' })).json().data;
    expect((await browser.request({ method: 'GET', url: `/api/tasks/${theirs.id}` })).statusCode).toBe(404);
    expect((await patch(browser, theirs.id, { subject: 'x' })).statusCode).toBe(404);
    expect((await browser.request({ method: 'DELETE', url: `/api/tasks/${theirs.id}` })).statusCode).toBe(
      404,
    );
    expect((await create(browser, { subject: 'x' }, stranger.id)).statusCode).toBe(404);
    const listed = await browser.request({ method: 'GET', url: `/api/tasks?filter[owner]=${stranger.id}` });
    expect(listed.json().data).toEqual([]);
    expect(await countTasks(stranger.id)).toBe(1);
  });
});
