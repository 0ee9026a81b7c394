import { startConversationTestBed, type ConversationTestBed } from './testing/conversationTestBed';

describe('greet', () => {
  let bed: ConversationTestBed;
  beforeEach(async () => {
    bed = await startConversationTestBed();
  });
  afterEach(() => bed.stop());

  it('introduces the DJ to a new listener', async () => {
    await bed.register('ada', 'Ada');
    const greeting = await bed.greet('ada');
    expect(greeting.djName).toBe('Nova');
    expect(greeting.text).toMatch(/I'm Nova/);
  });

  it('an unknown listener is greeted as new too', async () => {
    const greeting = await bed.greet('nobody');
    expect(greeting).toEqual({ djName: 'Nova', text: expect.stringMatching(/Nova/) });
  });

  it('welcomes a returning listener with sessions shared and how long it has been', async () => {
    await bed.register('ada', 'Ada', '2026-11-10T09:00:00.000Z');
    await bed.play('ada', ['jazz-1', 'jazz-2'], '2026-11-10T09:05:00.000Z');
    await bed.play('ada', ['jazz-3'], '2026-11-20T20:00:00.000Z');
    await bed.play('ada', ['jazz-4'], '2026-11-30T20:00:00.000Z');
    const greeting = await bed.greet('ada');
    expect(greeting.text).toMatch(/Ada/);
    expect(greeting.text).toMatch(/3 sessions/);
    expect(greeting.text).toMatch(/for 3 weeks/);
    expect(greeting.text).not.toMatch(/I'm Nova/);
  });

  it.each([10, 50, 100, 500])('celebrates the %i-interaction milestone', async (count) => {
    await bed.register('ada', 'Ada');
    await bed.play(
      'ada',
      Array.from({ length: count }, (_, i) => `rock-${(i % 4) + 1}`),
    );
    const greeting = await bed.greet('ada');
    expect(greeting.text).toContain(String(count));
  });

  it('says nothing about milestones between them', async () => {
    await bed.register('ada', 'Ada');
    await bed.play(
      'ada',
      Array.from({ length: 30 }, (_, i) => `rock-${(i % 4) + 1}`),
    );
    expect((await bed.greet('ada')).text).not.toMatch(/\b(10|50|100|500)\b/);
  });

  it('is stable: the same listener at the same point hears the same words', async () => {
    await bed.register('ada', 'Ada');
    await bed.play('ada', ['rock-1']);
    expect(await bed.greet('ada')).toEqual(await bed.greet('ada'));
  });

  it('speaks as the DJ the listener chose, in replies too', async () => {
    await bed.register('ada', 'Ada');
    await bed.chooseDj('ada', 'pulse');
    expect((await bed.greet('ada')).djName).toBe('Pulse');
    expect((await bed.greet('ada')).text).toMatch(/Pulse/);
    const reply = await bed.send('ada', 'pumped for my run');
    expect(reply.djName).toBe('Pulse');
    await bed.chooseDj('ada', 'ember');
    expect((await bed.send('ada', 'need to unwind')).djName).toBe('Ember');
    expect((await bed.greet('ada')).djName).toBe('Ember');
  });

  it('lists the personas', async () => {
    const personas = bed.service.personas();
    expect(personas.map((persona) => persona.djId)).toEqual(['nova', 'pulse', 'atlas', 'ember']);
    expect(personas[0]).toEqual({ djId: 'nova', name: 'Nova', style: expect.any(String) });
  });
});
