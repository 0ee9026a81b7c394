import { conversationExample } from './conversation.example';

describe('the README example', () => {
  it('still does what the README says', async () => {
    const lines = await conversationExample();
    expect(lines[0]).toMatch(/^I'm in a great mood -> \{"intent":"express_mood","mood":"happy"\} Nova: /);
    expect(lines[1]).toMatch(
      /^maybe some electronic\? -> \{"intent":"request_recommendation","mood":"happy","genres":\["edm"\]\} Nova: /,
    );
    expect(lines[2]).toMatch(/^greeting: /);
  });
});
