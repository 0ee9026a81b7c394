import { understandConversation } from './conversation.example';

describe('the README example', () => {
  it('prints what the README says it prints', () => {
    expect(
      understandConversation(["I'm in a great mood", 'maybe some electronic?', 'no jazz please']),
    ).toEqual([
      { intent: 'express_mood', mood: 'happy' },
      { intent: 'request_recommendation', genres: ['edm'], mood: 'happy', carried: ['mood'] },
      { intent: 'state_preference', negated: { genres: ['jazz'] }, mood: 'happy', carried: ['mood'] },
    ]);
  });
});
